package cn.elderguard.dashboard;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.organisation.RegionCode;
import cn.elderguard.support.DemoOrganisation;

/** Towns of the console tests' own, under the demo county, so their figures are theirs alone in the shared database. */
final class TestTowns {

    private TestTowns() {
    }

    /** An unused town code in the demo county's 500–998 range (below it the demo's and other tests' towns). */
    static RegionCode fresh(JdbcClient jdbc) {
        while (true) {
            RegionCode code = RegionCode.of(DemoOrganisation.COUNTY.substring(0, 6) + (500 + ThreadLocalRandom.current().nextInt(499)) + "000");
            if (jdbc.sql("SELECT COUNT(*) FROM EG_JURISDICTION WHERE REGION_CODE = ?").param(code.value()).query(Long.class).single() == 0) {
                return code;
            }
        }
    }

    static void jurisdiction(JdbcClient jdbc, RegionCode code, String name, String level, String parent) {
        jdbc.sql("INSERT INTO EG_JURISDICTION (REGION_CODE, NAME, LEVEL, PARENT_CODE) VALUES (?, ?, ?, ?)")
            .params(code.value(), name, level, parent).update();
    }
}
