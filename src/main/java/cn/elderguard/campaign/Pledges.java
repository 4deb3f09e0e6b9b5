package cn.elderguard.campaign;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.institution.Institution;
import cn.elderguard.institution.InstitutionRepository;
import cn.elderguard.institution.InstitutionService;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;

/**
 * Pledge letters (拒绝非法集资承诺书, docs/domain.md §2.8): one per institution and campaign, recorded by a participating
 * unit for an institution of its own registry in the campaign's jurisdiction, with the signed scan.
 */
@Service
class Pledges {

    static final String NOT_FOUND = "承诺书记录不存在或您无权查看";
    static final String NOT_OWN = "只能为本单位登记的承诺书上传扫描件";
    static final String NOT_IN_SCOPE = "机构不存在或不在本单位的机构台账内";

    private final RecordAccess access;
    private final UnitRecordRepository records;
    private final CampaignFiles files;
    private final InstitutionService institutions;
    private final InstitutionRepository institutionRecords;

    Pledges(RecordAccess access, UnitRecordRepository records, CampaignFiles files, InstitutionService institutions,
            InstitutionRepository institutionRecords) {
        this.access = access;
        this.records = records;
        this.files = files;
        this.institutions = institutions;
        this.institutionRecords = institutionRecords;
    }

    @Transactional
    Pledge record(long campaignId, PledgeInput input) {
        RecordAccess.Participant participant = access.participant(campaignId, true);
        Institution institution;
        try {
            // The registry's own scope rule (AccessScope.coversRegistry): the unit's jurisdiction subtree and, for a
            // sector unit, its own agency's sectors.
            institution = institutions.get(input.institutionId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("institutionId", NOT_IN_SCOPE);
        }
        if (!participant.campaign().ownerRegion().contains(institution.jurisdiction())) {
            throw new InvalidInputException("institutionId", "该机构不在本专项行动的辖区内");
        }
        if (input.signedOn().isAfter(Now.today())) {
            throw new InvalidInputException("signedOn", "不能晚于今天");
        }
        if (records.pledgeExists(campaignId, institution.id())) {
            throw new PledgeExistsException(institution.name());
        }
        long id;
        try {
            id = records.insertPledge(campaignId, institution.id(), participant.unit().key(), input.signedOn(), participant.userId(),
                Now.instant());
        } catch (DuplicateKeyException e) {
            // Recorded by someone else at the same moment (EG_UQ_PLEDGE).
            throw new PledgeExistsException(institution.name());
        }
        return records.pledge(campaignId, id).orElseThrow().with(institution.name(), null);
    }

    /** The signed scan (PDF, JPEG or PNG); a new upload replaces the earlier one. */
    @Transactional
    CampaignFile attachScan(long campaignId, long pledgeId, MultipartFile file) throws IOException {
        RecordAccess.Participant participant = access.participant(campaignId, false);
        Pledge pledge = records.pledge(campaignId, pledgeId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!pledge.unit().equals(participant.unit().key())) {
            throw new AccessDeniedException(NOT_OWN);
        }
        records.deleteFiles(CampaignFile.Owner.PLEDGE, pledgeId);
        return files.store(campaignId, CampaignFile.Owner.PLEDGE, pledgeId, file, CampaignFiles.SCAN, participant.userId());
    }

    /** A page of the pledges, latest first, with the institutions' names and scans (one lookup per row of the page). */
    ResultPage<Pledge> list(long campaignId, UnitKey unit, int page, int size) {
        ResultPage.check(page, size);
        UnitKey listed = access.reader(campaignId).listed(unit);
        List<Pledge> pledges = records.pledges(campaignId, listed, ResultPage.offset(page, size), size);
        Map<Long, List<CampaignFile>> scans = records.filesOf(CampaignFile.Owner.PLEDGE, pledges.stream().map(Pledge::id).toList());
        return new ResultPage<>(pledges.stream().map(p -> p.with(
                institutionRecords.byId(p.institutionId()).map(Institution::name).orElse(null),
                scans.getOrDefault(p.id(), List.of()).stream().reduce((first, second) -> second).orElse(null))).toList(),
            page, size, records.countPledges(campaignId, listed));
    }

    /** 409: the institution's pledge is already recorded in this campaign. */
    static final class PledgeExistsException extends RuntimeException {

        PledgeExistsException(String institutionName) {
            super("本专项行动中已登记过" + institutionName + "的承诺书，每个机构只登记一次；如需更换扫描件，请在原记录上重新上传");
        }
    }
}
