package cn.elderguard.campaign;

import static cn.elderguard.campaign.CampaignTestSupport.at;
import static cn.elderguard.campaign.CampaignTestSupport.endOf;
import static cn.elderguard.campaign.CampaignTestSupport.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.GroupIds;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.OrganisationImport;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;

/**
 * Launching (docs/campaigns.md, "Launching"): 50 participating units get 50 filing tasks, each offered to its own unit;
 * a returned plan comes back to its unit with the office's comments; the API refuses bad launches naming the fields and
 * launches by those who do not run the jurisdiction.
 */
@ElderGuardTest
class CampaignLaunchTest {

    /**
     * A town of 50 villages, each with its grid worker unit, in 示范县 (a county of its own would change what the pages
     * show first: the demo province has one city, the city one county); other tests' campaigns pick their units elsewhere.
     */
    private static final String TOWN = "999001007000";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignLaunch launch;

    @Autowired
    OrganisationImport organisationImport;

    @Autowired
    ObjectMapper json;

    CampaignTestSupport support;

    @BeforeEach
    void setUp() {
        support = new CampaignTestSupport(engine, jdbc);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void fiftyUnitsGetFiftyFilingTasksEachOfferedToItsOwnUnitAndAReturnedPlanComesBackWithTheComments() {
        importTownOfFiftyVillages();
        ZonedDateTime launchedAt = at(2026, 3, 2, 9);
        ClockUtil.setCurrentTime(Date.from(launchedAt.toInstant()));
        loggedIn("shi_cfb");
        Campaign campaign = launch.launch(new CampaignInput("五十村专项行动", TOWN, "STANDARD",
            List.of(new CampaignInput.Phase("MOBILIZE", "宣传发动", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)),
                new CampaignInput.Phase("SCREEN_AND_RESOLVE", "排查化解", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 8, 31)),
                new CampaignInput.Phase("REVIEW", "总结提升", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30))),
            new CampaignInput.Units(List.of(Agency.GRID_WORKER), List.of(JurisdictionLevel.VILLAGE)), LocalDate.of(2026, 3, 13), null,
            LocalDate.of(2026, 10, 15)));
        String pid = campaign.processInstanceId();
        support.advanceTo(launchedAt, pid);

        List<Task> plans = support.tasks(pid, CampaignProcess.TASK_FILE_PLAN);
        assertThat(campaign.unitCount()).isEqualTo(50);
        assertThat(plans).hasSize(50).allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 13))));
        Set<String> expectedGroups = IntStream.rangeClosed(1, 50).mapToObj(CampaignLaunchTest::village)
            .map(village -> GroupIds.officers(Agency.GRID_WORKER, RegionCode.of(village))).collect(Collectors.toSet());
        Set<String> offeredTo = plans.stream().map(task -> {
            List<String> groups = support.candidateGroups(task);
            assertThat(groups).as("each plan is offered to one unit's officers").hasSize(1);
            return groups.get(0);
        }).collect(Collectors.toSet());
        assertThat(offeredTo).as("every village's grid workers, each once").isEqualTo(expectedGroups);

        // The 17th village's plan is returned; it comes back to that village with the comments and the new date.
        String village = village(17);
        Task plan = support.taskOf(pid, CampaignProcess.TASK_FILE_PLAN, Agency.GRID_WORKER.name(), village);
        support.complete("wgy_" + village, plan, Map.of(CampaignProcess.VAR_PLAN_TEXT, "村级实施方案（初稿）"));
        Task review = support.tasks(pid, CampaignProcess.TASK_REVIEW_PLAN).get(0);
        assertThat(support.candidateGroups(review)).contains(GroupIds.officers(Agency.CHUFEI_OFFICE, RegionCode.of(TOWN)));
        support.complete("zzb_" + TOWN, review, Map.of(CampaignProcess.VAR_REVIEW_DECISION, "RETURN",
            CampaignProcess.VAR_REVIEW_COMMENTS, "未列明本村养老机构清单，请补充后重报", CampaignProcess.VAR_RESUBMIT_BY, "2026-03-20"));
        support.advanceTo(launchedAt.plusMinutes(5), pid);

        Task again = support.taskOf(pid, CampaignProcess.TASK_FILE_PLAN, Agency.GRID_WORKER.name(), village);
        assertThat(support.candidateGroups(again)).containsExactly(GroupIds.officers(Agency.GRID_WORKER, RegionCode.of(village)));
        assertThat(engine.getTaskService().getVariable(again.getId(), CampaignProcess.VAR_REVIEW_COMMENTS)).isEqualTo("未列明本村养老机构清单，请补充后重报");
        assertThat(engine.getTaskService().getVariable(again.getId(), CampaignProcess.VAR_PLAN_TEXT))
            .as("the form opens with the unit's own text to revise").isEqualTo("村级实施方案（初稿）");
        assertThat(again.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 20)));
        Map<String, Object> duty = support.duty(campaign.id(), Agency.GRID_WORKER.name(), village, DutyKind.PLAN, DutyKind.ONCE);
        assertThat(duty.get("RETURNED_COUNT")).isEqualTo(1);
        assertThat(duty.get("TASK_ID")).isEqualTo(again.getId());
        assertThat(((java.sql.Timestamp) duty.get("DUE_AT")).toInstant()).as("lateness counts from the first due date")
            .isEqualTo(endOf(LocalDate.of(2026, 3, 13)).toInstant());
        assertThat(support.tasks(pid, CampaignProcess.TASK_FILE_PLAN)).hasSize(50);
    }

    @Test
    void aBadLaunchIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
        HttpCaller office = HttpCaller.basic(port, "xian_cfb", DemoOrganisation.PASSWORD);
        int before = jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN").query(Integer.class).single();
        HttpCaller.Response response = office.post("/api/campaigns", """
            {"name": "示范县专项行动", "ownerRegion": "%s", "template": "STANDARD",
             "phases": [{"code": "MOBILIZE", "label": "宣传发动", "startsOn": "2099-03-01", "endsOn": "2099-03-31"},
                        {"code": "REVIEW", "label": "总结提升", "startsOn": "2099-03-15", "endsOn": "2099-04-30"}],
             "summaryDueOn": "2099-04-01"}""".formatted(DemoOrganisation.COUNTY));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).path("errors");
        assertThat(errors.findValuesAsText("field")).contains("phases[1].startsOn", "summaryDueOn");
        assertThat(response.body()).contains("阶段不能重叠");

        HttpCaller.Response unknownField = office.post("/api/campaigns", """
            {"name": "示范县专项行动", "ownerRegion": "%s", "phases": [], "summaryDueOn": "2099-04-01", "budget": 100}"""
            .formatted(DemoOrganisation.COUNTY));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("budget");

        HttpCaller.Response missing = office.post("/api/campaigns", "{\"ownerRegion\": \"" + DemoOrganisation.COUNTY + "\"}");
        assertThat(json.readTree(missing.body()).path("errors").findValuesAsText("field")).contains("name", "phases", "summaryDueOn");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void onlyTheOfficeOfTheJurisdictionOrAboveLaunchesAndThePreviewCountsTheUnits() throws Exception {
        String body = """
            {"name": "河西镇专项行动", "ownerRegion": "%s", "template": "STANDARD",
             "phases": [{"code": "MOBILIZE", "label": "宣传发动", "startsOn": "2099-03-01", "endsOn": "2099-03-31"}],
             "units": {"agencies": ["GRID_WORKER"], "levels": ["VILLAGE"]}, "summaryDueOn": "2099-04-10"}""".formatted(DemoOrganisation.HEXI);
        HttpCaller.Response preview = HttpCaller.basic(port, "xian_cfb", DemoOrganisation.PASSWORD).post("/api/campaigns/preview", body);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(json.readTree(preview.body()).path("unitCount").asInt()).isEqualTo(3);
        assertThat(json.readTree(preview.body()).path("firstUnits").findValuesAsText("name")).containsExactly("河西村网格员", "柳树村网格员", "杨庄村网格员");

        HttpCaller.Response otherTown = HttpCaller.basic(port, "cg_zzb", DemoOrganisation.PASSWORD).post("/api/campaigns", body);
        assertThat(otherTown.status()).as("城关镇's office does not run 河西镇").isEqualTo(403);
        assertThat(otherTown.body()).contains("处非办");
        HttpCaller.Response gridWorker = HttpCaller.basic(port, "hexicun_wgy", DemoOrganisation.PASSWORD).post("/api/campaigns", body);
        assertThat(gridWorker.status()).isEqualTo(403);
    }

    /** Tasklist's 案卷 tab on a campaign duty: the unit's officers and the supervisors above read its deadline, others get 404. */
    @Test
    void aCampaignDutysDeadlineIsReadByItsUnitAndTheSupervisorsAboveNotByOthers() throws Exception {
        ZonedDateTime launchedAt = at(2026, 6, 1, 9);
        ClockUtil.setCurrentTime(Date.from(launchedAt.toInstant()));
        loggedIn("hx_zzb");
        Campaign campaign = launch.launch(new CampaignInput("河西镇网格员专项行动", DemoOrganisation.HEXI, "STANDARD",
            List.of(new CampaignInput.Phase("MOBILIZE", "宣传发动", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30))),
            new CampaignInput.Units(List.of(Agency.GRID_WORKER), List.of(JurisdictionLevel.VILLAGE)), null, null, LocalDate.of(2026, 7, 10)));
        support.advanceTo(launchedAt, campaign.processInstanceId());
        ClockUtil.reset();
        Task plan = support.taskOf(campaign.processInstanceId(), CampaignProcess.TASK_FILE_PLAN, Agency.GRID_WORKER.name(), DemoOrganisation.HEXICUN);
        String path = "/api/tasks/" + plan.getId() + "/deadline";

        HttpCaller.Response unit = HttpCaller.basic(port, "hexicun_wgy", DemoOrganisation.PASSWORD).get(path);
        assertThat(unit.status()).as(unit.body()).isEqualTo(200);
        assertThat(json.readTree(unit.body()).path("caseId").isNull()).isTrue();
        assertThat(json.readTree(unit.body()).path("taskName").asText()).isEqualTo("报送实施方案备案");
        assertThat(HttpCaller.basic(port, "xian_cfb", DemoOrganisation.PASSWORD).get(path).status()).as("the county 处非办 above").isEqualTo(200);
        assertThat(HttpCaller.basic(port, "dongjie_wgy", DemoOrganisation.PASSWORD).get(path).status()).as("another town's grid worker").isEqualTo(404);
        assertThat(HttpCaller.basic(port, "cg_zzb", DemoOrganisation.PASSWORD).get(path).status()).as("another town's 处非办").isEqualTo(404);
        assertThat(HttpCaller.basic(port, "liushu_wgy", DemoOrganisation.PASSWORD).get(path).status()).as("another village of the same campaign")
            .isEqualTo(404);
    }

    private void importTownOfFiftyVillages() {
        StringBuilder yaml = new StringBuilder("jurisdictions:\n")
            .append("  - {code: \"").append(TOWN).append("\", name: 五十村镇, level: TOWN}\n");
        IntStream.rangeClosed(1, 50).forEach(i -> yaml.append("  - {code: \"").append(village(i)).append("\", name: 第").append(i).append("村, level: VILLAGE}\n"));
        yaml.append("units:\n  - {agency: CHUFEI_OFFICE, jurisdiction: \"").append(TOWN).append("\", name: 五十村镇综治办}\n");
        IntStream.rangeClosed(1, 50).forEach(i -> yaml.append("  - {agency: GRID_WORKER, jurisdiction: \"").append(village(i))
            .append("\", name: 第").append(i).append("村网格员}\n"));
        yaml.append("users:\n  - {id: zzb_").append(TOWN).append(", name: 周敏, agency: CHUFEI_OFFICE, jurisdiction: \"").append(TOWN)
            .append("\", role: OFFICER}\n");
        IntStream.rangeClosed(1, 50).forEach(i -> yaml.append("  - {id: wgy_").append(village(i)).append(", name: 网格员").append(i)
            .append(", agency: GRID_WORKER, jurisdiction: \"").append(village(i)).append("\", role: OFFICER}\n"));
        organisationImport.importFile(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String village(int i) {
        return TOWN.substring(0, 9) + String.format("%03d", i);
    }
}
