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
 * A database migrated before the comments of V1, V4, V5 and V7 were rewritten still starts, with its history
 * brought to the files' new checksums; a migration changed in any other way still stops the start.
 */
class MigrationCommentChecksumsTest {

    @Test
    void aDatabaseMigratedBeforeTheCommentEditStillStarts() throws Exception {
        String url = PostgresTestDatabase.create();
        ApplicationRun.start(url).close();
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password())) {
            JdbcClient history = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            for (Map.Entry<String, int[]> edit : MigrationCommentChecksums.COMMENT_EDITS.entrySet()) {
                history.sql("UPDATE flyway_schema_history SET checksum = ? WHERE version = ?").params(edit.getValue()[0], edit.getKey())
                    .update();
            }

            ApplicationRun.start(url).close();

            for (Map.Entry<String, int[]> edit : MigrationCommentChecksums.COMMENT_EDITS.entrySet()) {
                assertThat(history.sql("SELECT checksum FROM flyway_schema_history WHERE version = ?").param(edit.getKey())
                    .query(Integer.class).single()).as("V" + edit.getKey()).isEqualTo(edit.getValue()[1]);
            }

            history.sql("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '4'").update();
            Throwable otherChange = org.assertj.core.api.Assertions.catchThrowable(() -> ApplicationRun.start(url).close());
            assertThat(otherChange).as("any other difference is still refused").isNotNull();
        }
    }
}
