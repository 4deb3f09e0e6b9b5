package cn.elderguard.campaign;

import java.time.Instant;

/** A stored photo of a publicity activity or a pledge's signed scan (EG_CAMPAIGN_FILE), without its content. */
public record CampaignFile(long id, String fileName, String contentType, long size, String uploadedBy, Instant uploadedAt) {

    /** What a file belongs to (EG_CAMPAIGN_FILE.OWNER_KIND). */
    enum Owner { PUBLICITY, PLEDGE }
}
