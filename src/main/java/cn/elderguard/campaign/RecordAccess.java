package cn.elderguard.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.Role;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.UnprocessableException;

/**
 * Who may do what with the records units keep in a campaign (docs/security.md, rows campaign-unit, campaign-reader,
 * campaign-office): a participating unit's officers and leaders record for their own unit; the campaign office — the
 * 处非办 and leading group of the owner's jurisdiction or one above — and administrators read everything; a
 * participating unit reads its own. A campaign the caller may not read answers 404, like one that does not exist.
 */
@Component
class RecordAccess {

    static final String NOT_FOUND = "专项行动不存在或您无权查看";
    static final String NOT_PARTICIPANT = "本单位未参加该专项行动，不能报送或登记；如需参加，请联系专项办";
    static final String NOT_OFFICER = "只有参加单位的经办人或负责人可以报送或登记";
    static final String OFFICE_ONLY = "只有专项办（本级及上级处非办、领导小组）可以查看";
    static final String OTHER_UNIT = "只能查看本单位的记录";

    private final CampaignRepository campaigns;
    private final UnitRecordRepository records;
    private final CurrentUser currentUser;

    RecordAccess(CampaignRepository campaigns, UnitRecordRepository records, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.records = records;
        this.currentUser = currentUser;
    }

    /** The campaign office, or a participating unit for its own records; 404 for everyone else. */
    Reader reader(long campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (currentUser.scope().supervises(campaign.ownerRegion())) {
            return new Reader(campaign, null);
        }
        return ownUnit(campaignId).map(unit -> new Reader(campaign, unit.key())).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The campaign office and administrators only: 403 for a participating unit, 404 for everyone else. */
    Campaign office(long campaignId) {
        Reader reader = reader(campaignId);
        if (!reader.office()) {
            throw new AccessDeniedException(OFFICE_ONLY);
        }
        return reader.campaign();
    }

    /**
     * An officer or leader of a participating unit, recording for that unit: 404 when there is no such campaign, 403
     * for anyone else, 422 for a new record once the campaign has ended (files may still be added to earlier ones).
     */
    Participant participant(long campaignId, boolean newRecord) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Person person = currentUser.person().filter(p -> List.of(Role.OFFICER, Role.UNIT_LEADER).contains(p.role()))
            .orElseThrow(() -> new AccessDeniedException(NOT_OFFICER));
        Unit unit = records.participatingUnit(campaignId, person.unit()).orElseThrow(() -> new AccessDeniedException(NOT_PARTICIPANT));
        if (newRecord && campaign.status() == Campaign.Status.ENDED) {
            throw new CampaignEndedException();
        }
        return new Participant(campaign, unit, person.userId());
    }

    private Optional<Unit> ownUnit(long campaignId) {
        return currentUser.person().filter(p -> List.of(Role.OFFICER, Role.UNIT_LEADER).contains(p.role()))
            .flatMap(person -> records.participatingUnit(campaignId, person.unit()));
    }

    /** Who reads: the office ({@code unit} null) or one participating unit. */
    record Reader(Campaign campaign, UnitKey unit) {

        boolean office() {
            return unit == null;
        }

        /** Whose records a list shows: any unit or the one asked for, for the office; a unit's own (403 for another). */
        UnitKey listed(UnitKey requested) {
            if (office()) {
                return requested;
            }
            if (requested != null && !requested.equals(unit)) {
                throw new AccessDeniedException(OTHER_UNIT);
            }
            return unit;
        }

        boolean reads(UnitKey owner) {
            return office() || unit.equals(owner);
        }
    }

    /** A participating unit's person recording for it. */
    record Participant(Campaign campaign, Unit unit, String userId) {
    }

    /** 422: an ended campaign takes no new reports or records. */
    static final class CampaignEndedException extends UnprocessableException {

        CampaignEndedException() {
            super("campaign ended", "专项行动已结束", "该专项行动已结束，不能再报送信息或登记新的宣传活动、承诺书", List.of());
        }
    }
}
