package cn.elderguard.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrations V1, V4, V5 and V7 had comments citing documents outside the repository; their comments now cite
 * docs/rules.md, and nothing else in them changed. Flyway checksums whole files, so on a database migrated before
 * that edit it would refuse to start. Before migrating, the recorded checksum of exactly these versions is moved
 * from exactly the old value to the new one; any other difference is still Flyway's checksum error.
 */
@Component
class MigrationCommentChecksums implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(MigrationCommentChecksums.class);

    /** Version → {checksum before the comment edit, checksum after}. */
    static final Map<String, int[]> COMMENT_EDITS = Map.of(
        "1", new int[] {126714888, -118356829},
        "4", new int[] {2085005523, -792044843},
        "5", new int[] {-1391524230, -1694605337},
        "7", new int[] {-2015790071, 77318175});

    @Override
    public void migrate(Flyway flyway) {
        acceptCommentEdits(flyway.getConfiguration().getDataSource(), flyway.getConfiguration().getTable());
        flyway.migrate();
    }

    static void acceptCommentEdits(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, table)) {
                return;
            }
            String update = "UPDATE \"" + table + "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?";
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (Map.Entry<String, int[]> edit : COMMENT_EDITS.entrySet()) {
                    statement.setInt(1, edit.getValue()[1]);
                    statement.setString(2, edit.getKey());
                    statement.setInt(3, edit.getValue()[0]);
                    if (statement.executeUpdate() > 0) {
                        log.info("Migration V{}: comment-only edit accepted (checksum {} -> {})", edit.getKey(), edit.getValue()[0],
                            edit.getValue()[1]);
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the migration history's checksums: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
