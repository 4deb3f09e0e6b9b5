package cn.elderguard.campaign;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;

/** Publicity activities (宣传活动, docs/domain.md §2.7) a participating unit records, with their photos. */
@Service
class PublicityActivities {

    static final int MAX_PHOTOS = 20;
    static final String NOT_FOUND = "宣传活动不存在或您无权查看";
    static final String NOT_OWN = "只能为本单位登记的宣传活动上传照片";

    private final RecordAccess access;
    private final UnitRecordRepository records;
    private final CampaignFiles files;

    PublicityActivities(RecordAccess access, UnitRecordRepository records, CampaignFiles files) {
        this.access = access;
        this.records = records;
        this.files = files;
    }

    @Transactional
    Publicity record(long campaignId, PublicityInput input) {
        RecordAccess.Participant participant = access.participant(campaignId, true);
        LocalDate launched = participant.campaign().launchedAt().atZone(Now.zone()).toLocalDate();
        if (input.heldOn().isAfter(Now.today())) {
            throw new InvalidInputException("heldOn", "不能晚于今天：请在活动举办后登记");
        }
        if (input.heldOn().isBefore(launched)) {
            throw new InvalidInputException("heldOn", "不能早于专项行动发起日 " + launched);
        }
        String notes = input.notes() == null || input.notes().isBlank() ? null : input.notes().strip();
        long id = records.insertPublicity(campaignId, participant.unit().key(), input, notes, participant.userId(), Now.instant());
        return records.publicity(campaignId, id).orElseThrow();
    }

    /** Adds a JPEG or PNG photo to the unit's own activity. */
    @Transactional
    CampaignFile addPhoto(long campaignId, long publicityId, MultipartFile file) throws IOException {
        RecordAccess.Participant participant = access.participant(campaignId, false);
        Publicity activity = records.publicity(campaignId, publicityId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!activity.unit().equals(participant.unit().key())) {
            throw new AccessDeniedException(NOT_OWN);
        }
        if (records.countFiles(CampaignFile.Owner.PUBLICITY, publicityId) >= MAX_PHOTOS) {
            throw new InvalidInputException("file", "每项宣传活动最多上传 " + MAX_PHOTOS + " 张照片");
        }
        return files.store(campaignId, CampaignFile.Owner.PUBLICITY, publicityId, file, CampaignFiles.PHOTO, participant.userId());
    }

    /** A page of the activities, latest first, each with its photos (one query for the page's photos). */
    ResultPage<Publicity> list(long campaignId, UnitKey unit, int page, int size) {
        ResultPage.check(page, size);
        UnitKey listed = access.reader(campaignId).listed(unit);
        List<Publicity> activities = records.publicity(campaignId, listed, ResultPage.offset(page, size), size);
        Map<Long, List<CampaignFile>> photos = records.filesOf(CampaignFile.Owner.PUBLICITY, activities.stream().map(Publicity::id).toList());
        return new ResultPage<>(activities.stream().map(a -> a.withPhotos(photos.getOrDefault(a.id(), List.of()))).toList(), page, size,
            records.countPublicity(campaignId, listed));
    }
}
