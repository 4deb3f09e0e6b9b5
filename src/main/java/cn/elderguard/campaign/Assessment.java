package cn.elderguard.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

import cn.elderguard.deadline.Escalations;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;

/**
 * The assessment (考核) of a campaign's participating units by the rule of docs/assessment.md: points for their dated
 * duties (on time, late, missing), for their information reports, and for few escalations, less their returned
 * filings; a ranked table for the campaign office, also as a spreadsheet. Scored as of the engine clock's now.
 */
@Service
public class Assessment {

    /** docs/assessment.md rule 2: the duties' share, in proportion to how they were filed. */
    public static final int DUTY_POINTS = 60;
    /** Rule 3: per information report, up to the minimum of two. */
    public static final int INFO_REPORT_POINTS = 10;
    /** Rule 4: the escalation share, less {@link #ESCALATION_DEDUCTION} per escalation step, not below 0. */
    public static final int ESCALATION_POINTS = 20;
    public static final int ESCALATION_DEDUCTION = 5;
    /** Rule 5: per returned filing, at most {@link #RETURN_DEDUCTION_MAX}. */
    public static final int RETURN_DEDUCTION = 2;
    public static final int RETURN_DEDUCTION_MAX = 10;
    /** Rule 8: named in the office's notice below this score, commended from {@link #COMMENDED_FROM}. */
    public static final int NAMED_BELOW = 60;
    public static final int COMMENDED_FROM = 90;

    private static final int UNIT_BATCH = 1000;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final CampaignRepository campaigns;
    private final UnitRecordRepository records;
    private final Escalations escalations;
    private final RecordAccess access;

    Assessment(CampaignRepository campaigns, UnitRecordRepository records, Escalations escalations, RecordAccess access) {
        this.campaigns = campaigns;
        this.records = records;
        this.escalations = escalations;
        this.access = access;
    }

    /** Where a unit stands after the assessment (rule 8). */
    public enum Standing {
        COMMENDED("通报表扬"),
        NONE(""),
        NAMED("通报");

        private final String label;

        Standing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One row of the ranked table: what was counted, the points of each part, the score, rank and standing. */
    public record UnitScore(int rank, Agency agency, RegionCode jurisdiction, String unitName, int dutiesDue, int onTime, int late,
                            int missing, int returned, int infoReports, int escalations, BigDecimal dutyPoints, int infoPoints,
                            int escalationPoints, int returnDeduction, BigDecimal score, Standing standing, String standingLabel) {

        UnitScore ranked(int newRank) {
            return new UnitScore(newRank, agency, jurisdiction, unitName, dutiesDue, onTime, late, missing, returned, infoReports,
                escalations, dutyPoints, infoPoints, escalationPoints, returnDeduction, score, standing, standingLabel);
        }
    }

    /**
     * Every participating unit of the campaign, scored as of now and ranked (rule 7). No access check: for the
     * office's pages and the campaign's own reports; {@link #table} is the door. The ranking needs every unit's score,
     * so this holds one row per participating unit of this campaign (read in batches), never more.
     */
    public List<UnitScore> ranked(long campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException(RecordAccess.NOT_FOUND));
        Instant now = Now.instant();
        Map<UnitKey, UnitRecordRepository.DutyFigures> duties = records.dutyFigures(campaignId, now);
        Map<UnitKey, Integer> infoReports = records.infoReportCounts(campaignId);
        Map<UnitKey, Integer> escalated = escalations.countByUnit(campaign.processInstanceId());
        List<UnitScore> scores = new ArrayList<>();
        for (int offset = 0; ; offset += UNIT_BATCH) {
            List<Unit> units = campaigns.units(campaignId, offset, UNIT_BATCH);
            for (Unit unit : units) {
                scores.add(score(unit, duties.getOrDefault(unit.key(), UnitRecordRepository.DutyFigures.NONE),
                    infoReports.getOrDefault(unit.key(), 0), escalated.getOrDefault(unit.key(), 0)));
            }
            if (units.size() < UNIT_BATCH) {
                break;
            }
        }
        scores.sort(Comparator.comparing(UnitScore::score).reversed().thenComparing(UnitScore::unitName));
        List<UnitScore> ranked = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            boolean tied = i > 0 && scores.get(i).score().compareTo(scores.get(i - 1).score()) == 0;
            ranked.add(scores.get(i).ranked(tied ? ranked.get(i - 1).rank() : i + 1));
        }
        return ranked;
    }

    /** A page of the ranked table, for the campaign office and administrators. */
    public ResultPage<UnitScore> table(long campaignId, int page, int size) {
        ResultPage.check(page, size);
        access.office(campaignId);
        List<UnitScore> all = ranked(campaignId);
        int from = Math.min(ResultPage.offset(page, size), all.size());
        return new ResultPage<>(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), page, size, all.size());
    }

    /** The whole ranked table as an .xlsx written to {@code out} row by row (a streaming workbook), for the office. */
    public void exportXlsx(long campaignId, OutputStream out) throws IOException {
        access.office(campaignId);
        writeXlsx(ranked(campaignId), out);
    }

    /** The campaign's name, for the spreadsheet's file name; for the office. */
    String campaignName(long campaignId) {
        return access.office(campaignId).name();
    }

    static final List<String> HEADERS = List.of("排名", "单位", "行业", "区划代码", "应报事项", "按时报送", "逾期报送", "未报送", "退回次数",
        "工作动态信息（篇）", "升级督办（次）", "报送得分", "信息得分", "督办得分", "退回扣分", "总分", "通报");

    static void writeXlsx(List<UnitScore> scores, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            Sheet sheet = workbook.createSheet("考核排名");
            Row header = sheet.createRow(0);
            for (int column = 0; column < HEADERS.size(); column++) {
                header.createCell(column).setCellValue(HEADERS.get(column));
            }
            int rowNumber = 1;
            for (UnitScore score : scores) {
                Row row = sheet.createRow(rowNumber++);
                Object[] values = {score.rank(), score.unitName(), score.agency().label(), score.jurisdiction().value(), score.dutiesDue(),
                    score.onTime(), score.late(), score.missing(), score.returned(), score.infoReports(), score.escalations(),
                    score.dutyPoints(), score.infoPoints(), score.escalationPoints(), score.returnDeduction(), score.score(),
                    score.standingLabel()};
                for (int column = 0; column < values.length; column++) {
                    if (values[column] instanceof Number number) {
                        row.createCell(column).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(column).setCellValue(String.valueOf(values[column]));
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Rules 2–6 and 8 for one unit. */
    static UnitScore score(Unit unit, UnitRecordRepository.DutyFigures duties, int infoReports, int escalationSteps) {
        int due = duties.onTime() + duties.late() + duties.missing();
        BigDecimal dutyPoints = due == 0 ? BigDecimal.valueOf(DUTY_POINTS)
            : BigDecimal.valueOf(DUTY_POINTS).multiply(BigDecimal.valueOf(duties.onTime()).add(HALF.multiply(BigDecimal.valueOf(duties.late()))))
                .divide(BigDecimal.valueOf(due), 10, RoundingMode.HALF_UP);
        int infoPoints = INFO_REPORT_POINTS * Math.min(infoReports, InformationReports.MINIMUM);
        int escalationPoints = Math.max(0, ESCALATION_POINTS - ESCALATION_DEDUCTION * escalationSteps);
        int returnDeduction = Math.min(RETURN_DEDUCTION_MAX, RETURN_DEDUCTION * duties.returned());
        BigDecimal score = dutyPoints.add(BigDecimal.valueOf(infoPoints + escalationPoints - returnDeduction)).max(BigDecimal.ZERO)
            .setScale(1, RoundingMode.HALF_UP);
        Standing standing = score.compareTo(BigDecimal.valueOf(NAMED_BELOW)) < 0 ? Standing.NAMED
            : score.compareTo(BigDecimal.valueOf(COMMENDED_FROM)) >= 0 ? Standing.COMMENDED : Standing.NONE;
        return new UnitScore(0, unit.agency(), unit.region(), unit.name(), due, duties.onTime(), duties.late(), duties.missing(),
            duties.returned(), infoReports, escalationSteps, dutyPoints.setScale(1, RoundingMode.HALF_UP), infoPoints, escalationPoints,
            returnDeduction, score, standing, standing.label());
    }
}
