package cn.elderguard.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import cn.elderguard.support.DropCreatedDatabases;
import cn.elderguard.support.ElderGuardTest;

/**
 * A measurement, not a test: imports a province of 5,000 units and 20,000 users, imports it again, and
 * times routing look-ups. Run with {@code ./mvnw -Pbench test}; figures go to docs/benchmarks.md.
 */
@Tag("benchmark")
@ExtendWith(DropCreatedDatabases.class) // before the Spring annotation: drops the database after Spring closed it
@ElderGuardTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrganisationImportBenchmark {

    @Autowired
    OrganisationImport importer;

    @Autowired
    RoutingService routing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importAProvince() {
        List<String> towns = new ArrayList<>();
        StringBuilder jurisdictions = new StringBuilder("jurisdictions:\n");
        StringBuilder units = new StringBuilder("units:\n");
        StringBuilder users = new StringBuilder("users:\n");
        List<String> regions = new ArrayList<>();
        String province = "970000000000";
        row(jurisdictions, "{code: \"" + province + "\", name: 基准省, level: PROVINCE}");
        regions.add(province);
        for (int c = 1; c <= 5; c++) {
            String city = "97" + two(c) + "00000000";
            row(jurisdictions, "{code: \"" + city + "\", name: 基准市" + c + ", level: CITY}");
            regions.add(city);
            for (int k = 1; k <= 10; k++) {
                String county = "97" + two(c) + two(k) + "000000";
                row(jurisdictions, "{code: \"" + county + "\", name: 基准县" + c + "-" + k + ", level: COUNTY}");
                regions.add(county);
                for (int t = 1; t <= 24 && regions.size() < 1251; t++) {
                    String town = "97" + two(c) + two(k) + String.format("%03d", t) + "000";
                    row(jurisdictions, "{code: \"" + town + "\", name: 基准镇" + t + ", level: TOWN}");
                    regions.add(town);
                    towns.add(town);
                }
            }
        }
        int userCount = 0;
        for (String region : regions) {
            for (String agency : List.of("CHUFEI_OFFICE", "CIVIL_AFFAIRS", "MARKET_REGULATION", "PUBLIC_SECURITY")) {
                row(units, "{agency: " + agency + ", jurisdiction: \"" + region + "\", name: 单位" + region + agency + "}");
                for (int u = 0; u < 4; u++) {
                    String id = "b" + region + "_" + agency.toLowerCase() + u;
                    row(users, "{id: " + id + ", name: 人员" + u + ", agency: " + agency + ", jurisdiction: \"" + region
                        + "\", role: " + (u == 0 ? "UNIT_LEADER" : "OFFICER") + ", email: " + id + "@bench.cn, password: pw}");
                    userCount++;
                }
            }
        }
        byte[] file = (jurisdictions.toString() + units + users).getBytes(StandardCharsets.UTF_8);
        System.err.printf("%nBENCHMARK organisation: %d jurisdictions, %d units, %d users, %.1f MiB%n",
            regions.size(), regions.size() * 4, userCount, file.length / 1048576.0);

        long start = System.nanoTime();
        var first = importer.importFile(new ByteArrayInputStream(file));
        System.err.printf("BENCHMARK first import: %.1f s (%s)%n", (System.nanoTime() - start) / 1e9, first);

        start = System.nanoTime();
        var second = importer.importFile(new ByteArrayInputStream(file));
        System.err.printf("BENCHMARK unchanged re-import: %.1f s (%s)%n", (System.nanoTime() - start) / 1e9, second);

        // As autovacuum would by now: statistics of the freshly filled tables.
        jdbc.sql("ANALYZE").update();
        Random random = new Random(7);
        int lookups = 20_000;
        for (int i = 0; i < 2_000; i++) { // warm-up
            routing.route(Agency.MARKET_REGULATION, RegionCode.of(towns.get(random.nextInt(towns.size()))));
        }
        start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            String town = towns.get(random.nextInt(towns.size()));
            routing.route(Agency.MARKET_REGULATION, RegionCode.of(town.substring(0, 9) + "001"));
        }
        System.err.printf("BENCHMARK routing: %d look-ups (village -> town unit), %.0f µs each%n",
            lookups, (System.nanoTime() - start) / 1e3 / lookups);
        start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            routing.supervisorGroups(RegionCode.of(towns.get(random.nextInt(towns.size()))));
        }
        System.err.printf("BENCHMARK supervisor groups: %.0f µs each%n%n", (System.nanoTime() - start) / 1e3 / lookups);
    }

    private static void row(StringBuilder section, String row) {
        section.append("  - ").append(row).append('\n');
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
