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
 * Migrations V1, V4, V5 and V7 had comments citing documents outside the repository; their comments were rewritten
 * to cite the rules page (then rules.md), and V4, V5 and V7 again when it became docs/domain.md; nothing else changed
 * (docs/decisions/023). Flyway checksums whole files, so a database migrated before an edit would refuse to start.
 * Before migrating, the recorded checksum of exactly these versions is moved from exactly one of their earlier values
 * to the current one; any other difference is still Flyway's checksum error.
 */
@Component
class MigrationCommentChecksums implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(MigrationCommentChecksums.class);

    /** Version → {the checksums before each comment edit, oldest first …, the current checksum (last)}. */
    static final Map<String, int[]> COMMENT_EDITS = Map.of(
        "1", new int[] {126714888, -118356829},
        "4", new int[] {2085005523, -792044843, 880881256},
        "5", new int[] {-1391524230, -1694605337, -2064819719},
        "7", new int[] {-2015790071, 77318175, -1208220899});

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
                    int[] checksums = edit.getValue();
                    int current = checksums[checksums.length - 1];
                    for (int i = 0; i < checksums.length - 1; i++) {
                        statement.setInt(1, current);
                        statement.setString(2, edit.getKey());
                        statement.setInt(3, checksums[i]);
                        if (statement.executeUpdate() > 0) {
                            log.info("Migration V{}: comment-only edit accepted (checksum {} -> {})", edit.getKey(), checksums[i],
                                current);
                        }
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
