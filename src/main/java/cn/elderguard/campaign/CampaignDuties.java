package cn.elderguard.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.engine.TaskProperties;
import cn.elderguard.engine.UserTaskListener;
import cn.elderguard.engine.Variables;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidFormSubmissionException;
import cn.elderguard.system.Now;

/**
 * Keeps each unit's dated duties in EG_CAMPAIGN_DUTY as their tasks open and close (docs/campaigns.md, "Duties and their
 * due dates"): the row is written when the duty's task is created (so a duty never filed is on record as missing),
 * the first filing and the office's review are stamped on it. The assessment reads these rows. Acts on tasks whose
 * model marks them with {@value #DUTY_PROPERTY} or {@value #REVIEW_PROPERTY}.
 */
@Component
class CampaignDuties {

    /** Extension property of a unit's filing task in the model: the {@link DutyKind} it fulfils. */
    static final String DUTY_PROPERTY = "campaignDuty";
    /** Extension property of the office's review task: the {@link DutyKind} it reviews. */
    static final String REVIEW_PROPERTY = "campaignReview";
    /** The office's decisions ({@value CampaignProcess#VAR_REVIEW_DECISION}), as the review forms and the gateways write them. */
    static final String ACCEPT = "ACCEPT";
    static final String RETURN = "RETURN";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CampaignFigures figures;
    private final CampaignRepository campaigns;

    CampaignDuties(JdbcClient jdbc, ObjectMapper json, CampaignFigures figures, CampaignRepository campaigns) {
        this.jdbc = jdbc;
        this.json = json;
        this.figures = figures;
        this.campaigns = campaigns;
    }

    /** The duty's task opened: its row, with the first due date (a returned duty keeps it: lateness counts from there). */
    void opened(DelegateTask task, DutyKind kind) {
        Duty duty = duty(task, kind);
        int updated = jdbc.sql("UPDATE EG_CAMPAIGN_DUTY SET TASK_ID = ? WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ? AND KIND = ? AND PERIOD = ?")
            .params(task.getId(), duty.campaignId(), duty.agency(), duty.region(), kind.name(), duty.period()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO EG_CAMPAIGN_DUTY (CAMPAIGN_ID, AGENCY, REGION_CODE, KIND, PERIOD, DUE_AT, TASK_ID) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(duty.campaignId(), duty.agency(), duty.region(), kind.name(), duty.period(),
                    new Timestamp(task.getDueDate().getTime()), task.getId())
                .update();
        }
        if (kind == DutyKind.MONTHLY_REPORT) {
            showFigures(task, duty);
        }
    }

    /**
     * The figures the application knows of the unit's month (docs/campaigns.md, "Figures"), from the 1st (or the launch)
     * to now, shown read-only in the report and its review. Set when the task opens and again as the unit files, so
     * the office reviews, and the record keeps, the figures as filed.
     */
    private Figures showFigures(DelegateTask task, Duty duty) {
        Instant start = YearMonth.parse(duty.period()).atDay(1).atStartOfDay(Now.zone()).toInstant();
        Instant launched = campaigns.find(duty.campaignId()).orElseThrow().launchedAt();
        Instant from = start.isBefore(launched) ? launched : start;
        // Up to and including this moment: what was registered just now counts.
        Instant to = (Now.instant().isAfter(from) ? Now.instant() : from).plusMillis(1);
        Figures month = figures.forUnit(new UnitKey(Agency.valueOf(duty.agency()),
            RegionCode.of(duty.region())), from, to);
        // In the unit's scope (the model declares these there): the review task shows what the unit saw.
        task.setVariable(CampaignProcess.VAR_FIGURES_PERIOD, SHOWN.format(from.atZone(Now.zone())) + " 至 " + SHOWN.format(to.atZone(Now.zone())));
        task.setVariable(CampaignProcess.VAR_FIG_INSTITUTIONS, month.institutions());
        task.setVariable(CampaignProcess.VAR_FIG_LEADS, month.leads());
        task.setVariable(CampaignProcess.VAR_FIG_LEADS_BY_SOURCE, month.leadsBySource().entrySet().stream().filter(e -> e.getValue() > 0)
            .map(e -> e.getKey().label() + " " + e.getValue()).reduce((a, b) -> a + "，" + b).orElse("无"));
        task.setVariable(CampaignProcess.VAR_FIG_CASES_BY_COLOUR, Arrays.stream(RiskLevel.values()).sorted(Comparator.reverseOrder())
            .map(level -> level.label() + " " + month.casesByColour().getOrDefault(level, 0L)).reduce((a, b) -> a + " / " + b).orElse("")
            + " / 未定级 " + month.unratedCases());
        task.setVariable(CampaignProcess.VAR_FIG_REFUND_YUAN, month.refundYuan().doubleValue());
        task.setVariable(CampaignProcess.VAR_FIG_REFUND_PEOPLE, month.refundPeople());
        return month;
    }

    /** The unit filed: the first filing's time counts for the assessment; the text is kept as last filed. */
    void filed(DelegateTask task, DutyKind kind) {
        Duty duty = duty(task, kind);
        String content = switch (kind) {
            case PLAN -> Variables.text(task, CampaignProcess.VAR_PLAN_TEXT);
            case MONTHLY_REPORT -> Variables.text(task, CampaignProcess.VAR_REPORT_TEXT);
            case UNIT_SUMMARY -> Variables.text(task, CampaignProcess.VAR_UNIT_SUMMARY_TEXT);
            case SUMMARY -> summarySections(task);
        };
        jdbc.sql("UPDATE EG_CAMPAIGN_DUTY SET FILED_AT = COALESCE(FILED_AT, ?), FILED_BY = COALESCE(FILED_BY, ?), CONTENT = ?"
                + " WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ? AND KIND = ? AND PERIOD = ?")
            .params(Now.timestamp(), CurrentUser.actorId().orElse(null), content, duty.campaignId(), duty.agency(), duty.region(),
                kind.name(), duty.period())
            .update();
        if (kind == DutyKind.MONTHLY_REPORT) {
            Figures filed = showFigures(task, duty);
            try {
                jdbc.sql("UPDATE EG_CAMPAIGN_DUTY SET FIGURES = ? WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ? AND KIND = ? AND PERIOD = ?")
                    .params(json.writeValueAsString(filed), duty.campaignId(), duty.agency(), duty.region(), kind.name(), duty.period()).update();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The office reviewed: accepted, or returned with comments and a new due date, which the unit's next filing task
     * takes (the model's due date is {@value CampaignProcess#VAR_DUTY_DUE_AT}).
     */
    void reviewed(DelegateTask task, DutyKind kind) {
        Duty duty = duty(task, kind);
        String decision = Variables.text(task, CampaignProcess.VAR_REVIEW_DECISION);
        String comments = Variables.text(task, CampaignProcess.VAR_REVIEW_COMMENTS);
        if (RETURN.equals(decision)) {
            List<String> problems = new ArrayList<>();
            if (comments == null || comments.isBlank()) {
                problems.add("退回修改时请填写审核意见，说明需要修改或补充的内容");
            }
            LocalDate resubmitBy = date(Variables.text(task, CampaignProcess.VAR_RESUBMIT_BY));
            if (resubmitBy == null || resubmitBy.isBefore(Now.today())) {
                problems.add("退回修改时请填写重新报送期限，且不能早于今天");
            }
            if (!problems.isEmpty()) {
                throw new InvalidFormSubmissionException(problems);
            }
            task.setVariable(CampaignProcess.VAR_DUTY_DUE_AT, Date.from(ReportCalendar.endOf(resubmitBy)));
            jdbc.sql("UPDATE EG_CAMPAIGN_DUTY SET RETURNED_COUNT = RETURNED_COUNT + 1, REVIEW_COMMENTS = ?"
                    + " WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ? AND KIND = ? AND PERIOD = ?")
                .params(comments, duty.campaignId(), duty.agency(), duty.region(), kind.name(), duty.period()).update();
        } else {
            jdbc.sql("UPDATE EG_CAMPAIGN_DUTY SET ACCEPTED_AT = ?, REVIEW_COMMENTS = ?"
                    + " WHERE CAMPAIGN_ID = ? AND AGENCY = ? AND REGION_CODE = ? AND KIND = ? AND PERIOD = ?")
                .params(Now.timestamp(), comments, duty.campaignId(), duty.agency(), duty.region(), kind.name(), duty.period()).update();
        }
    }

    private String summarySections(DelegateTask task) {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("overall", Variables.text(task, CampaignProcess.VAR_SUMMARY_OVERALL));
        sections.put("distribution", Variables.text(task, CampaignProcess.VAR_SUMMARY_DISTRIBUTION));
        sections.put("causes", Variables.text(task, CampaignProcess.VAR_SUMMARY_CAUSES));
        sections.put("typicalCases", Variables.text(task, CampaignProcess.VAR_SUMMARY_TYPICAL_CASES));
        sections.put("nextMeasures", Variables.text(task, CampaignProcess.VAR_SUMMARY_NEXT_MEASURES));
        try {
            return json.writeValueAsString(sections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whose duty a task is: the unit of its multi-instance scope, or the office for the campaign's own summary. */
    private static Duty duty(DelegateTask task, DutyKind kind) {
        long campaignId = CampaignProcess.campaignId(task.getExecution());
        if (kind == DutyKind.SUMMARY) {
            return new Duty(campaignId, Agency.CHUFEI_OFFICE.name(), Variables.text(task, CaseProcessNames.VAR_JURISDICTION), DutyKind.ONCE);
        }
        String period = kind == DutyKind.MONTHLY_REPORT ? Variables.text(task, CampaignProcess.VAR_REPORT_PERIOD) : DutyKind.ONCE;
        return new Duty(campaignId, Variables.text(task, CampaignProcess.VAR_UNIT_AGENCY), Variables.text(task, CampaignProcess.VAR_UNIT_JURISDICTION),
            period);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private record Duty(long campaignId, String agency, String region, String period) {
    }

    /** A duty's or a review's task opened. After the deadline listener (20), which sets the due date. */
    @Component
    static class Opened implements UserTaskListener {

        private final CampaignDuties duties;

        Opened(CampaignDuties duties) {
            this.duties = duties;
        }

        @Override
        public String event() {
            return TaskListener.EVENTNAME_CREATE;
        }

        @Override
        public int order() {
            return 30;
        }

        @Override
        public void notify(DelegateTask task) {
            TaskProperties.get(task, DUTY_PROPERTY).map(DutyKind::valueOf).ifPresent(kind -> duties.opened(task, kind));
        }
    }

    /** A duty filed or reviewed. After the form checks (0): what is recorded has passed them. */
    @Component
    static class Completed implements UserTaskListener {

        private final CampaignDuties duties;

        Completed(CampaignDuties duties) {
            this.duties = duties;
        }

        @Override
        public String event() {
            return TaskListener.EVENTNAME_COMPLETE;
        }

        @Override
        public int order() {
            return 5;
        }

        @Override
        public void notify(DelegateTask task) {
            TaskProperties.get(task, DUTY_PROPERTY).map(DutyKind::valueOf).ifPresent(kind -> duties.filed(task, kind));
            TaskProperties.get(task, REVIEW_PROPERTY).map(DutyKind::valueOf).ifPresent(kind -> duties.reviewed(task, kind));
        }
    }
}
