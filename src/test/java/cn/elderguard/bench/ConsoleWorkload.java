package cn.elderguard.bench;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisors' console's data at the size of issue 16's bound, written by bulk SQL in the shape the application
 * writes it (docs/benchmarks.md, "Supervisors' console"): in the generated province 97 of {@link InboxWorkload}
 * (5 cities × 10 counties × 24 towns), 100,000 institutions with a case each (70,000 open), 200,000 open tasks (their
 * EG_TASK_DEADLINE rows, engine task rows with candidate group and, for a third, an assignee), 1,000,000 completed
 * deadlines over the last year and 50,000 records in the escalation ledger. Every town has a 民政办, 市场监管所 and 派出所;
 * a case's tasks are its responsible unit's. Timestamps are the JVM's wall clock, as the application writes them.
 * PostgreSQL only.
 */
final class ConsoleWorkload {

    static final int CASES = 100_000;
    static final int OPEN_CASES = 70_000;
    static final int OPEN_TASKS = 200_000;
    static final int COMPLETED_TASKS = 1_000_000;
    /** Ids above those the application hands out in a benchmark's run. */
    static final long ID_BASE = 10_000_000;
    static final String OPEN_PREFIX = "bc-";
    static final String COMPLETED_PREFIX = "bd-";
    static final String SECTORS = "(ARRAY['CIVIL_AFFAIRS','MARKET_REGULATION','PUBLIC_SECURITY'])";
    static final String TASK_KEYS = "(ARRAY['Task_VerifyLead','Task_IssueRiskWarning','Task_ConductWarningInterview',"
        + "'Task_OrderRectification','Task_VerifyRectification','Task_FollowUpCheck'])";
    static final String TASK_NAMES = "(ARRAY['核查线索','发出风险提示','约谈警示','责令整改','整改核查','跟踪回访'])";

    private final JdbcClient jdbc;

    ConsoleWorkload(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The town of case c (t = (c·7919) mod 1,200, numbered as InboxWorkload numbers them), as SQL over a column c. */
    private static String town() {
        String t = "((c * 7919) % " + InboxWorkload.TOWNS + ")";
        return "'97' || lpad((1 + " + t + " % 5)::text, 2, '0') || lpad((1 + (" + t + " / 5) % 10)::text, 2, '0')"
            + " || lpad((1 + " + t + " / 50)::text, 3, '0') || '000'";
    }

    private static String sector() {
        return SECTORS + "[c % 3 + 1]";
    }

    Duration seed() {
        long start = System.nanoTime();
        String town = town();
        String sector = sector();
        jdbc.sql("INSERT INTO EG_INSTITUTION (ID, NAME, NATURAL_KEY, REGISTERED, SECTOR, REGION_CODE, ADDRESS, CREATED_AT, UPDATED_AT)"
            + " SELECT " + ID_BASE + " + c, '基准养老服务机构' || c, 'bench-' || c, c % 4 <> 0,"
            + " (ARRAY['ELDER_CARE','HEALTH_PRODUCTS','ELDER_INVESTMENT'])[c % 3 + 1], " + town + ", '基准路' || c || '号',"
            + " LOCALTIMESTAMP - interval '400 days', LOCALTIMESTAMP - interval '400 days' FROM generate_series(0, ?) c")
            .param(CASES - 1).update();
        // A case's county follows from c mod 50 (its town), so shares are taken over c / 50. Colours: a tenth unrated,
        // 40 % green, 30 % yellow, 10 % orange, 10 % red; open rated cases beyond green are on the rectification list,
        // the others on screening, closed ones on close-out.
        jdbc.sql("INSERT INTO EG_CASE (ID, INSTITUTION_ID, OPEN_INSTITUTION_ID, REGION_CODE, RESPONSIBLE_AGENCY, STATUS, PROCESS_INSTANCE_ID,"
            + " OPENED_AT, CLOSED_AT, RISK_LEVEL, CASE_LIST, PRIORITY, UNREGISTERED_VENUE, CURRENT_MEASURE, CURRENT_MEASURE_NAME)"
            + " SELECT " + ID_BASE + " + c, " + ID_BASE + " + c, CASE WHEN open THEN " + ID_BASE + " + c END, " + town + ", " + sector + ","
            + " CASE WHEN open THEN 'OPEN' ELSE 'CLOSED' END, 'bench-pi-' || c, opened, CASE WHEN open THEN NULL ELSE opened + interval '30 days' END,"
            + " level, CASE WHEN NOT open THEN 'CLOSE_OUT' WHEN level IN ('YELLOW','ORANGE','RED') THEN 'RECTIFICATION' ELSE 'SCREENING' END,"
            + " CASE WHEN level IS NOT NULL THEN (c / 50 * 31) % 100 END, CASE WHEN level IS NOT NULL THEN c % 4 = 0 END,"
            + " CASE WHEN open AND level IN ('YELLOW','ORANGE','RED') THEN 'RECTIFICATION_ORDER' END,"
            + " CASE WHEN open AND level IN ('YELLOW','ORANGE','RED') THEN '责令整改' END"
            + " FROM (SELECT c, c < ? AS open, LOCALTIMESTAMP - ((c * 13) % 365 + 31) * interval '1 day' AS opened,"
            + " (ARRAY[NULL,'GREEN','GREEN','GREEN','GREEN','YELLOW','YELLOW','YELLOW','ORANGE','RED'])[(c / 50) % 10 + 1] AS level"
            + " FROM generate_series(0, ?) c) s")
            .params(OPEN_CASES, CASES - 1).update();
        jdbc.sql("INSERT INTO EG_CASE_UNIT (AGENCY, REGION_CODE, CASE_ID) SELECT " + sector + ", " + town + ", " + ID_BASE
            + " + c FROM generate_series(0, ?) c").param(CASES - 1).update();
        // The measures of the key leads (open orange and red cases): two each.
        jdbc.sql("INSERT INTO EG_CASE_EVENT (CASE_ID, OCCURRED_AT, KIND, TASK_KEY, TITLE, ACTOR, AGENCY, REGION_CODE)"
            + " SELECT " + ID_BASE + " + c, LOCALTIMESTAMP - (m * 5 + 2) * interval '1 day', 'MEASURE',"
            + " (ARRAY['Task_ConductWarningInterview','Task_OrderRectification'])[m], (ARRAY['约谈警示','责令整改'])[m],"
            + " 'bo-' || " + sector + " || '-' || " + town + ", " + sector + ", " + town
            + " FROM generate_series(0, ?) c, generate_series(1, 2) m WHERE (c / 50) % 10 >= 8").param(OPEN_CASES - 1).update();

        // Open tasks: ~3 per open case, half overdue (1–30 days), half due within the next 10 days. A task's county follows
        // from i mod 50 (its case's town), so every share is taken over u = i / 50, the same in every county.
        String open = "FROM (SELECT i, i / 50 AS u, i % " + OPEN_CASES + " AS c, CASE WHEN (i / 50) % 2 = 0"
            + " THEN LOCALTIMESTAMP - ((i / 100) % 30 + 1) * interval '1 day' - (i % 24) * interval '1 hour'"
            + " ELSE LOCALTIMESTAMP + ((i / 100) % 40 * 6 + 1) * interval '1 hour' END AS due FROM generate_series(0, ?) i) s";
        jdbc.sql("INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PRIORITY_, CREATE_TIME_, DUE_DATE_, ASSIGNEE_, SUSPENSION_STATE_)"
            + " SELECT '" + OPEN_PREFIX + "' || i, 1, " + TASK_NAMES + "[u % 6 + 1], " + TASK_KEYS + "[u % 6 + 1], 50, due - interval '10 days', due,"
            + " CASE WHEN i % 3 = 0 THEN 'bo-' || " + sector + " || '-' || " + town + " END, 1 " + open)
            .param(OPEN_TASKS - 1).update();
        jdbc.sql("ANALYZE ACT_RU_TASK").update(); // the identity links' foreign-key checks are planned from it (InboxWorkload)
        jdbc.sql("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)"
            + " SELECT '" + OPEN_PREFIX + "l' || i, 1, " + sector + " || '-' || " + town + ", 'candidate', '" + OPEN_PREFIX + "' || i " + open)
            .param(OPEN_TASKS - 1).update();
        // Escalated: every fourth overdue task reached step 1 (its unit's leaders), every twentieth step 2 (the town's 处非办).
        // With V18 the row also carries the highest step taken and its group, as TaskDeadlines.takeNextStep writes them.
        boolean stepColumns = jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE lower(table_name) = 'eg_task_deadline'"
            + " AND lower(column_name) = 'escalation_step'").query(Long.class).single() > 0;
        String openStep = "CASE WHEN u % 40 = 0 THEN 2 WHEN u % 8 = 0 THEN 1 ELSE 0 END";
        String completedStep = "CASE WHEN u % 50 = 0 AND u % 100 <> 0 THEN 1 ELSE 0 END";
        String stepGroup = "CASE WHEN STEP = 1 THEN " + sector + " || '-' || " + town + " || '-LEADER' WHEN STEP = 2 THEN 'CHUFEI_OFFICE-' || " + town + " END";
        jdbc.sql("INSERT INTO EG_TASK_DEADLINE (TASK_ID, CASE_ID, PROCESS_INSTANCE_ID, PROCESS_DEFINITION_ID, PROCESS_KEY, TASK_KEY, TASK_NAME,"
            + " INSTITUTION_NAME, AGENCY, REGION_CODE, CREATED_AT, DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP"
            + (stepColumns ? ", ESCALATION_STEP, ESCALATED_TO" : "") + ")"
            + " SELECT '" + OPEN_PREFIX + "' || i, " + ID_BASE + " + c, 'bench-pi-' || c, 'LeadDisposal:1:bench', 'LeadDisposal',"
            + " " + TASK_KEYS + "[u % 6 + 1], " + TASK_NAMES + "[u % 6 + 1], '基准养老服务机构' || c, " + sector + ", " + town + ","
            + " due - interval '10 days', due, TRUE, 2, '0,3,5',"
            + " CASE WHEN u % 40 = 0 THEN 3 WHEN u % 8 = 0 THEN 2 WHEN u % 2 = 0 THEN 1 ELSE 0 END"
            + (stepColumns ? ", " + openStep + ", " + stepGroup.replace("STEP", openStep) : "") + " " + open)
            .param(OPEN_TASKS - 1).update();
        // Completed tasks: over the last year, due 10 days after creation, a quarter completed late.
        jdbc.sql("INSERT INTO EG_TASK_DEADLINE (TASK_ID, CASE_ID, PROCESS_INSTANCE_ID, PROCESS_DEFINITION_ID, PROCESS_KEY, TASK_KEY, TASK_NAME,"
            + " INSTITUTION_NAME, AGENCY, REGION_CODE, CREATED_AT, DUE_AT, WORKING_DAYS, REMINDER_DAYS_BEFORE, ESCALATION_DAYS_AFTER, NEXT_STEP,"
            + " COMPLETED_AT" + (stepColumns ? ", ESCALATION_STEP, ESCALATED_TO" : "") + ")"
            + " SELECT '" + COMPLETED_PREFIX + "' || i, " + ID_BASE + " + c, 'bench-pi-' || c, 'LeadDisposal:1:bench', 'LeadDisposal',"
            + " " + TASK_KEYS + "[u % 6 + 1], " + TASK_NAMES + "[u % 6 + 1], '基准养老服务机构' || c, " + sector + ", " + town + ","
            + " created, created + interval '10 days', TRUE, 2, '0,3,5', -1, created + ((u * 7) % 14 + 1) * interval '1 day'"
            + (stepColumns ? ", " + completedStep + ", " + stepGroup.replace("STEP", completedStep) : "")
            + " FROM (SELECT i, i / 50 AS u, i % " + CASES + " AS c, LOCALTIMESTAMP - ((i / 50) % 365 + 15) * interval '1 day' - (i % 24) * interval '1 hour' AS created"
            + " FROM generate_series(0, ?) i) s")
            .param(COMPLETED_TASKS - 1).update();
        // The ledger: 30,000 records on open tasks (step 1 on 25,000, step 2 on 5,000 of them), 20,000 on completed ones
        // (a reminder on every hundredth, step 1 on the other fiftieths).
        String ledger = "INSERT INTO EG_ESCALATION (TASK_ID, CASE_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY, REGION_CODE, DUE_AT, STEP, KIND,"
            + " ESCALATED_TO, RECORDED_AT) SELECT TASK_ID, CASE_ID, PROCESS_KEY, TASK_KEY, TASK_NAME, AGENCY, REGION_CODE, DUE_AT, s.step, s.kind,"
            + " CASE WHEN s.step = 1 THEN AGENCY || '-' || REGION_CODE || '-LEADER' WHEN s.step = 2 THEN 'CHUFEI_OFFICE-' || REGION_CODE END,"
            + " LEAST(DUE_AT + (s.step * 3) * interval '1 day', LOCALTIMESTAMP - interval '1 hour') FROM EG_TASK_DEADLINE D";
        jdbc.sql(ledger + " JOIN (SELECT 1 AS step, 'ESCALATION' AS kind UNION ALL SELECT 2, 'ESCALATION') s ON D.NEXT_STEP > s.step"
            + " WHERE D.COMPLETED_AT IS NULL AND D.TASK_ID LIKE '" + OPEN_PREFIX + "%' AND D.NEXT_STEP >= 2").update();
        jdbc.sql(ledger + " JOIN (SELECT 0 AS step, 'REMINDER' AS kind UNION ALL SELECT 1, 'ESCALATION') s"
            + " ON s.step = CASE WHEN (substr(D.TASK_ID, 4)::int / 50) % 100 = 0 THEN 0 ELSE 1 END"
            + " WHERE D.COMPLETED_AT IS NOT NULL AND D.TASK_ID LIKE '" + COMPLETED_PREFIX + "%' AND (substr(D.TASK_ID, 4)::int / 50) % 50 = 0").update();
        for (String table : new String[] {"EG_INSTITUTION", "EG_CASE", "EG_CASE_UNIT", "EG_CASE_EVENT", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
            "EG_TASK_DEADLINE", "EG_ESCALATION", "EG_JURISDICTION", "EG_UNIT", "EG_PERSON"}) {
            // What autovacuum does soon after such a load in production: statistics and the visibility map.
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Counts read back from the seeded rows, for the report. */
    String counts() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM EG_TASK_DEADLINE WHERE COMPLETED_AT IS NULL) || ' open, '"
            + " || (SELECT COUNT(*) FROM EG_TASK_DEADLINE WHERE COMPLETED_AT IS NOT NULL) || ' completed deadlines, '"
            + " || (SELECT COUNT(*) FROM EG_ESCALATION) || ' ledger records, ' || (SELECT COUNT(*) FROM EG_CASE) || ' cases, '"
            + " || (SELECT COUNT(*) FROM ACT_RU_TASK) || ' engine tasks'").query(String.class).single();
    }

    /**
     * The organisation of province 97 as an import file: a 处非办 in every jurisdiction, a 民政, 市场监管 and 公安 unit in
     * every county and town, an officer and a leader in each unit (ids bo-/bl-AGENCY-REGION), and the two console
     * users with a password.
     */
    static String organisation(String provinceUser, String countyUser, String countyCode, String password) {
        StringBuilder jurisdictions = new StringBuilder("jurisdictions:\n  - {code: \"970000000000\", name: 基准省, level: PROVINCE}\n");
        StringBuilder units = new StringBuilder("units:\n");
        StringBuilder users = new StringBuilder("users:\n");
        unit(units, users, "CHUFEI_OFFICE", "970000000000", "基准省处非办");
        for (int city = 1; city <= 5; city++) {
            String cityCode = String.format("97%02d00000000", city);
            jurisdictions.append("  - {code: \"").append(cityCode).append("\", name: 基准市").append(city).append(", level: CITY}\n");
            unit(units, users, "CHUFEI_OFFICE", cityCode, "基准市" + city + "处非办");
            for (int county = 1; county <= 10; county++) {
                String countyCodeHere = String.format("97%02d%02d000000", city, county);
                String countyName = "基准县" + city + "-" + county;
                jurisdictions.append("  - {code: \"").append(countyCodeHere).append("\", name: ").append(countyName).append(", level: COUNTY}\n");
                unit(units, users, "CHUFEI_OFFICE", countyCodeHere, countyName + "处非办");
                unit(units, users, "CIVIL_AFFAIRS", countyCodeHere, countyName + "民政局");
                unit(units, users, "MARKET_REGULATION", countyCodeHere, countyName + "市场监管局");
                unit(units, users, "PUBLIC_SECURITY", countyCodeHere, countyName + "公安局");
                for (int town = 1; town <= 24; town++) {
                    String townCode = String.format("97%02d%02d%03d000", city, county, town);
                    String townName = "基准镇" + city + "-" + county + "-" + town;
                    jurisdictions.append("  - {code: \"").append(townCode).append("\", name: ").append(townName).append(", level: TOWN}\n");
                    unit(units, users, "CHUFEI_OFFICE", townCode, townName + "综治办");
                    unit(units, users, "CIVIL_AFFAIRS", townCode, townName + "民政办");
                    unit(units, users, "MARKET_REGULATION", townCode, townName + "市场监管所");
                    unit(units, users, "PUBLIC_SECURITY", townCode, townName + "派出所");
                }
            }
        }
        users.append("  - {id: ").append(provinceUser).append(", name: 省督办, agency: CHUFEI_OFFICE, jurisdiction: \"970000000000\", role: OFFICER, password: ")
            .append(password).append("}\n");
        users.append("  - {id: ").append(countyUser).append(", name: 县督办, agency: CHUFEI_OFFICE, jurisdiction: \"").append(countyCode)
            .append("\", role: OFFICER, password: ").append(password).append("}\n");
        return jurisdictions.append(units).append(users).toString();
    }

    private static void unit(StringBuilder units, StringBuilder users, String agency, String region, String name) {
        units.append("  - {agency: ").append(agency).append(", jurisdiction: \"").append(region).append("\", name: ").append(name).append("}\n");
        users.append("  - {id: bo-").append(agency).append('-').append(region).append(", name: 经办").append(region.substring(2, 9))
            .append(", agency: ").append(agency).append(", jurisdiction: \"").append(region).append("\", role: OFFICER}\n");
        users.append("  - {id: bl-").append(agency).append('-').append(region).append(", name: 负责").append(region.substring(2, 9))
            .append(", agency: ").append(agency).append(", jurisdiction: \"").append(region).append("\", role: UNIT_LEADER}\n");
    }
}
