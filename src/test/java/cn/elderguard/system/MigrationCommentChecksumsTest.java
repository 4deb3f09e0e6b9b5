package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * A database migrated before any of the comment edits of V1, V4, V5 and V7 (docs/decisions/023) still starts, with its
 * history brought to the files' current checksums; a migration changed in any other way still stops the start.
 */
class MigrationCommentChecksumsTest {

    @Test
    void aDatabaseMigratedBeforeAnyCommentEditStillStarts() throws Exception {
        String url = PostgresTestDatabase.create();
        ApplicationRun.start(url).close();
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password())) {
            JdbcClient history = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            int edits = MigrationCommentChecksums.COMMENT_EDITS.values().stream().mapToInt(c -> c.length - 1).max().orElseThrow();
            for (int before = 0; before < edits; before++) {
                // a database last migrated before edit number `before` of each file (files edited fewer times: current)
                for (Map.Entry<String, int[]> edit : MigrationCommentChecksums.COMMENT_EDITS.entrySet()) {
                    int[] checksums = edit.getValue();
                    history.sql("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?")
                        .params(checksums[Math.min(before, checksums.length - 1)], edit.getKey()).update();
                }

                ApplicationRun.start(url).close();

                for (Map.Entry<String, int[]> edit : MigrationCommentChecksums.COMMENT_EDITS.entrySet()) {
                    int[] checksums = edit.getValue();
                    assertThat(history.sql("SELECT checksum FROM flyway_schema_history WHERE version = ?").param(edit.getKey())
                        .query(Integer.class).single()).as("V" + edit.getKey() + " from before edit " + (before + 1))
                        .isEqualTo(checksums[checksums.length - 1]);
                }
            }

            history.sql("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '4'").update();
            Throwable otherChange = org.assertj.core.api.Assertions.catchThrowable(() -> ApplicationRun.start(url).close());
            assertThat(otherChange).as("any other difference is still refused").isNotNull();
        }
    }
}
