package cn.elderguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;

import cn.elderguard.campaign.Campaign;
import cn.elderguard.campaign.CampaignInput;
import cn.elderguard.campaign.CampaignLaunch;
import cn.elderguard.campaign.CampaignProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.OrganisationImport;
import cn.elderguard.support.DropCreatedDatabases;
import cn.elderguard.system.Now;

/**
 * A measurement, not a test (docs/benchmarks.md, "Campaign launch"): a province-wide campaign of 5,000 participating
 * units (4,750 villages' grid workers and 250 towns' 民政办 of a generated province). Times the launch call (one
 * transaction: campaign, phases, units, the process's start), the start job that opens a scope per unit up to the
 * asynchronous filing tasks, and then the creation of every filing task
 * by its job, one job after another as the job executor runs the exclusive jobs of one process instance (in parallel
 * they would collide on the instance's shared rows, e.g. a town 处非办's read grant), and checks each task went to its
 * own unit.
 */
@Tag("benchmark")
@ExtendWith(DropCreatedDatabases.class) // before the Spring annotation: drops the database after Spring closed it
@BenchmarkApplication
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CampaignLaunchBenchmark {

    static final int THREADS = 1;
    private static final String PROVINCE = "970000000000";

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationImport organisationImport;

    @Autowired
    CampaignLaunch launch;

    @Test
    void aProvinceWideCampaignOfFiveThousandUnits() throws Exception {
        long importStart = System.nanoTime();
        organisationImport.importFile(new ByteArrayInputStream(province().getBytes(StandardCharsets.UTF_8)));
        Duration imported = Duration.ofNanos(System.nanoTime() - importStart);

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench_sheng_cfb", "n/a", List.of()));
        LocalDate today = Now.today();
        long launchStart = System.nanoTime();
        Campaign campaign = launch.launch(new CampaignInput("全省养老领域非法集资专项整治（基准）", PROVINCE, "STANDARD",
            List.of(new CampaignInput.Phase("MOBILIZE", "宣传发动", today, today.plusDays(30)),
                new CampaignInput.Phase("SCREEN_AND_RESOLVE", "排查化解", today.plusDays(31), today.plusDays(150)),
                new CampaignInput.Phase("REVIEW", "总结提升", today.plusDays(151), today.plusDays(180))),
            new CampaignInput.Units(List.of(Agency.GRID_WORKER, Agency.CIVIL_AFFAIRS), List.of(JurisdictionLevel.TOWN, JurisdictionLevel.VILLAGE)),
            null, null, today.plusDays(190)));
        Duration launched = Duration.ofNanos(System.nanoTime() - launchStart);
        SecurityContextHolder.clearContext();
        assertThat(campaign.unitCount()).isEqualTo(5_000);

        long scopesStart = System.nanoTime();
        runDueJobs(campaign.processInstanceId(), CampaignProcess.START_EVENT_CAMPAIGN_LAUNCHED);
        Duration scopes = Duration.ofNanos(System.nanoTime() - scopesStart);
        long jobsStart = System.nanoTime();
        int executed = runDueJobs(campaign.processInstanceId(), CampaignProcess.TASK_FILE_PLAN);
        Duration routed = Duration.ofNanos(System.nanoTime() - jobsStart);

        long tasks = engine.getTaskService().createTaskQuery().processInstanceId(campaign.processInstanceId())
            .taskDefinitionKey(CampaignProcess.TASK_FILE_PLAN).count();
        int misrouted = 0;
        for (int first = 0; first < tasks; first += 1_000) {
            for (var task : engine.getTaskService().createTaskQuery().processInstanceId(campaign.processInstanceId())
                .taskDefinitionKey(CampaignProcess.TASK_FILE_PLAN).orderByTaskId().asc().listPage(first, 1_000)) {
                String unit = engine.getTaskService().getVariable(task.getId(), CampaignProcess.VAR_UNIT_AGENCY) + "-"
                    + engine.getTaskService().getVariable(task.getId(), CampaignProcess.VAR_UNIT_JURISDICTION);
                List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
                if (!groups.equals(List.of(unit))) {
                    misrouted++;
                }
            }
        }
        System.out.printf("%nBENCHMARK campaign launch: units=%d, organisation import %.1f s, launch call %.1f s, start job (unit scopes) %.1f s,"
                + " filing tasks created %d in %.1f s on %d threads (%.0f tasks/s, %d jobs), misrouted %d%n",
            campaign.unitCount(), imported.toMillis() / 1000.0, launched.toMillis() / 1000.0, scopes.toMillis() / 1000.0, tasks,
            routed.toMillis() / 1000.0, THREADS,
            tasks / (routed.toMillis() / 1000.0), executed, misrouted);
        assertThat(tasks).isEqualTo(5_000);
        assertThat(misrouted).isZero();
    }

    /** Runs the jobs that create the filing tasks, as the job executor would, until none is left. */
    private int runDueJobs(String processInstanceId, String activityId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int executed = 0;
        try {
            while (true) {
                // This activity's jobs only: the month under way opens its reports at the launch too (another 5,000 jobs).
                List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .activityId(activityId).executable().listPage(0, 1_000);
                if (due.isEmpty()) {
                    return executed;
                }
                List<Future<?>> runs = due.stream().<Future<?>>map(job -> pool.submit(() -> engine.getManagementService().executeJob(job.getId()))).toList();
                for (Future<?> run : runs) {
                    run.get();
                }
                executed += due.size();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** 5 cities × 5 counties × 10 towns × 19 villages; a 处非办 down to each town, a 民政办 in each town, a grid worker unit in each village. */
    private static String province() {
        StringBuilder jurisdictions = new StringBuilder("jurisdictions:\n  - {code: \"" + PROVINCE + "\", name: 基准省, level: PROVINCE}\n");
        StringBuilder units = new StringBuilder("units:\n  - {agency: CHUFEI_OFFICE, jurisdiction: \"" + PROVINCE + "\", name: 基准省处非办}\n");
        for (int city = 1; city <= 5; city++) {
            String cityCode = String.format("97%02d00000000", city);
            jurisdictions.append("  - {code: \"").append(cityCode).append("\", name: 基准市").append(city).append(", level: CITY}\n");
            units.append("  - {agency: CHUFEI_OFFICE, jurisdiction: \"").append(cityCode).append("\", name: 基准市").append(city).append("处非办}\n");
            for (int county = 1; county <= 5; county++) {
                String countyCode = cityCode.substring(0, 4) + String.format("%02d", county) + "000000";
                jurisdictions.append("  - {code: \"").append(countyCode).append("\", name: 基准县").append(city).append('-').append(county).append(", level: COUNTY}\n");
                units.append("  - {agency: CHUFEI_OFFICE, jurisdiction: \"").append(countyCode).append("\", name: 基准县处非办").append(city).append('-').append(county).append("}\n");
                for (int town = 1; town <= 10; town++) {
                    String townCode = countyCode.substring(0, 6) + String.format("%03d", town) + "000";
                    jurisdictions.append("  - {code: \"").append(townCode).append("\", name: 基准镇").append(townCode).append(", level: TOWN}\n");
                    units.append("  - {agency: CHUFEI_OFFICE, jurisdiction: \"").append(townCode).append("\", name: 基准镇综治办").append(townCode).append("}\n");
                    units.append("  - {agency: CIVIL_AFFAIRS, jurisdiction: \"").append(townCode).append("\", name: 基准镇民政办").append(townCode).append("}\n");
                    for (int village = 1; village <= 19; village++) {
                        String villageCode = townCode.substring(0, 9) + String.format("%03d", village);
                        jurisdictions.append("  - {code: \"").append(villageCode).append("\", name: 基准村").append(villageCode).append(", level: VILLAGE}\n");
                        units.append("  - {agency: GRID_WORKER, jurisdiction: \"").append(villageCode).append("\", name: 基准村网格员").append(villageCode).append("}\n");
                    }
                }
            }
        }
        return jurisdictions + units.toString() + "users:\n  - {id: bench_sheng_cfb, name: 基准, agency: CHUFEI_OFFICE, jurisdiction: \""
            + PROVINCE + "\", role: OFFICER}\n";
    }
}
