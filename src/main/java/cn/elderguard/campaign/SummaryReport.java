package cn.elderguard.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.lead.LeadSource;
import cn.elderguard.lead.RiskLevel;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;

/**
 * The campaign's summary report (专项行动总结报告, docs/campaigns.md): what both exports show, in the order they show
 * it. Only the campaign office — a 处非办 or leading-group member whose jurisdiction contains the owner's — and
 * administrators may export it.
 */
@Component
class SummaryReport {

    static final String NOT_FILLED = "（专项办尚未填写）";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int UNIT_PAGE = 500;

    /** The office's five sections (docs/domain.md §2): the key in the SUMMARY duty's JSON and the heading. */
    private static final String[][] SECTIONS = {
        {"overall", "总体情况"}, {"distribution", "行业和区域分布"}, {"causes", "形成原因"}, {"typicalCases", "典型案例"},
        {"nextMeasures", "下一步措施"}};

    private final CampaignRepository campaigns;
    private final CampaignFigures figures;
    private final CampaignTallies tallies;
    private final OrganisationRepository organisation;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    SummaryReport(CampaignRepository campaigns, CampaignFigures figures, CampaignTallies tallies, OrganisationRepository organisation,
                  CurrentUser currentUser, ObjectMapper json) {
        this.campaigns = campaigns;
        this.figures = figures;
        this.tallies = tallies;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.json = json;
    }

    record Section(String heading, String text) {
    }

    /** A line of the figures table: its label, and its value (a count, or an amount in yuan). */
    record FigureRow(String label, Number value) {
    }

    record Content(Campaign campaign, String ownerName, String officeName, List<CampaignPhase> phases, Figures figures,
                   Distribution distribution, List<Section> sections, long unitSummariesFiled) {

        String title() {
            return campaign.name() + " 总结报告";
        }

        /** The file name of an export, without characters file systems refuse. */
        String fileName(String extension) {
            return ("专项行动总结报告-" + campaign.name()).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "." + extension;
        }
    }

    /** The report of campaign {@code campaignId} for the logged-in user: 404 when there is none, 403 outside the office. */
    Content open(long campaignId) {
        Campaign campaign = campaigns.find(campaignId)
            .orElseThrow(() -> new NotFoundException("专项行动 " + campaignId + " 不存在，请核对编号"));
        if (!currentUser.scope().supervises(campaign.ownerRegion())) {
            throw new AccessDeniedException("专项行动总结报告只能由专项办（本级或上级处非办、领导小组成员）或系统管理员导出；"
                + "参与单位请在任务列表中报送本单位总结报告");
        }
        String ownerName = organisation.jurisdiction(campaign.ownerRegion()).map(Jurisdiction::name).orElse(campaign.ownerRegion().value());
        UnitKey office = new UnitKey(Agency.CHUFEI_OFFICE, campaign.ownerRegion());
        String officeName = organisation.unit(office).map(Unit::name).orElse(ownerName + Agency.CHUFEI_OFFICE.label());
        return new Content(campaign, ownerName, officeName, campaigns.phases(campaignId), figures.forCampaign(campaignId),
            figures.distribution(campaignId), sections(tallies.dutyContent(campaignId, office, DutyKind.SUMMARY).orElse(null)),
            tallies.unitSummariesFiled(campaignId));
    }

    /** Every participating unit with when it filed its own summary, page by page. */
    void eachUnit(long campaignId, Consumer<CampaignTallies.UnitSummaryFiling> action) {
        int after = -1;
        while (true) {
            List<CampaignTallies.UnitSummaryFiling> page = tallies.unitSummaries(campaignId, after, UNIT_PAGE);
            page.forEach(action);
            if (page.size() < UNIT_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).ordinal();
        }
    }

    /** The office's text: the SUMMARY duty's JSON; a text that is not JSON is taken as the overall situation. */
    List<Section> sections(String content) {
        JsonNode fields = null;
        if (content != null && !content.isBlank()) {
            try {
                fields = json.readTree(content);
            } catch (Exception e) {
                fields = json.createObjectNode().put(SECTIONS[0][0], content);
            }
        }
        List<Section> sections = new ArrayList<>();
        for (String[] section : SECTIONS) {
            JsonNode text = fields == null || !fields.isObject() ? null : fields.get(section[0]);
            boolean filled = text != null && text.isTextual() && !text.asText().isBlank();
            sections.add(new Section(section[1], filled ? text.asText().strip() : NOT_FILLED));
        }
        return sections;
    }

    /** The figures as the report's table shows them. */
    static List<FigureRow> figureRows(Figures figures) {
        List<FigureRow> rows = new ArrayList<>();
        rows.add(new FigureRow("摸排机构（家）", figures.institutions()));
        rows.add(new FigureRow("登记线索（条）", figures.leads()));
        for (LeadSource source : LeadSource.values()) {
            rows.add(new FigureRow("　其中：" + source.label(), figures.leadsBySource().get(source)));
        }
        rows.add(new FigureRow("涉及案件（件）", figures.cases()));
        for (int i = RiskLevel.values().length - 1; i >= 0; i--) {
            RiskLevel level = RiskLevel.values()[i];
            rows.add(new FigureRow("　其中：" + level.label() + "色", figures.casesByColour().get(level)));
        }
        rows.add(new FigureRow("　其中：尚未评级", figures.unratedCases()));
        rows.add(new FigureRow("已销号案件（件）", figures.casesClosed()));
        rows.add(new FigureRow("清退资金（元）", figures.refundYuan() == null ? BigDecimal.ZERO : figures.refundYuan()));
        rows.add(new FigureRow("清退人数（人）", figures.refundPeople()));
        rows.add(new FigureRow("移送公安机关（件）", figures.policeTransfers()));
        rows.add(new FigureRow("宣传活动（场）", figures.publicityActivities()));
        rows.add(new FigureRow("宣传覆盖（人次）", figures.peopleReached()));
        rows.add(new FigureRow("发放宣传资料（份）", figures.materialsHandedOut()));
        rows.add(new FigureRow("签订承诺书（份）", figures.pledges()));
        return rows;
    }

    static String period(Figures figures) {
        return minute(figures.from()) + " 至 " + minute(figures.to());
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(Now.zone()));
    }

    static String phaseNote(CampaignPhase phase) {
        return phase.closedEarlyBy() == null ? "" : "由 " + phase.closedEarlyBy() + " 提前结束";
    }

    static String status(Campaign campaign) {
        return campaign.status() == Campaign.Status.ENDED ? "已结束" : "进行中";
    }

    static String filed(CampaignTallies.UnitSummaryFiling unit) {
        return unit.filedAt() == null ? "未报送" : "已报送（" + minute(unit.filedAt()) + "）";
    }
}
