package cn.elderguard.campaign;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.Now;

/**
 * Information and urgent reports (docs/campaigns.md, "What units record"): a participating unit sends them at any time;
 * the office reads all, a unit its own; each unit's count of information reports is tracked against the minimum.
 */
@Service
class InformationReports {

    /** Information reports each unit owes over the campaign (docs/domain.md §2.4). */
    static final int MINIMUM = 2;

    private final RecordAccess access;
    private final UnitRecordRepository records;
    private final UrgentReports urgent;

    InformationReports(RecordAccess access, UnitRecordRepository records, UrgentReports urgent) {
        this.access = access;
        this.records = records;
        this.urgent = urgent;
    }

    /** Stores the report; an urgent one also reaches the office's and the next level's inboxes, in the same transaction. */
    @Transactional
    Report submit(long campaignId, ReportInput input) {
        RecordAccess.Participant participant = access.participant(campaignId, true);
        String title = input.title().strip();
        String body = input.body().strip();
        long id = records.insertReport(campaignId, participant.unit().key(), input.kind(), title, body, participant.userId(), Now.instant());
        if (input.kind() == ReportKind.URGENT) {
            urgent.send(participant.campaign(), participant.unit(), id, title, body);
        }
        return records.report(campaignId, id).orElseThrow();
    }

    ResultPage<Report> list(long campaignId, UnitKey unit, ReportKind kind, int page, int size) {
        ResultPage.check(page, size);
        UnitKey listed = access.reader(campaignId).listed(unit);
        return new ResultPage<>(records.reports(campaignId, listed, kind, ResultPage.offset(page, size), size), page, size,
            records.countReports(campaignId, listed, kind));
    }

    /** Each participating unit's reports against the minimum; only those below it when {@code onlyBelow}. */
    ResultPage<UnitReportCount> counts(long campaignId, UnitKey unit, boolean onlyBelow, int page, int size) {
        ResultPage.check(page, size);
        UnitKey listed = access.reader(campaignId).listed(unit);
        Integer below = onlyBelow ? MINIMUM : null;
        return new ResultPage<>(records.reportCounts(campaignId, listed, below, MINIMUM, ResultPage.offset(page, size), size), page, size,
            records.countUnits(campaignId, listed, below));
    }
}
