package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.elderguard.support.ElderGuardTest;

/**
 * The pool's PostgreSQL connections send a JDBC batch of one INSERT as multi-row INSERTs (docs/decisions/047-batched-inserts.md):
 * the driver answers the rows it sent together "succeeded, count unknown" instead of 1, which only a rewritten batch
 * does (it groups rows in powers of two: 3 rows are sent as 2 + 1).
 */
@ElderGuardTest
class PostgresBatchedInsertsTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aBatchOfInsertsIsSentAsMultiRowInserts() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE BATCHED_INSERTS (ID INT PRIMARY KEY, NAME VARCHAR(20))");
            }
            int[] counts;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO BATCHED_INSERTS (ID, NAME) VALUES (?, ?)")) {
                for (int id = 1; id <= 3; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "行 " + id);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM BATCHED_INSERTS")) {
                rows.next();
                assertThat(rows.getInt(1)).as("rows stored").isEqualTo(3);
            }
            assertThat(counts).as("update counts of a rewritten batch").containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO, 1);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE BATCHED_INSERTS");
            }
        }
    }
}
