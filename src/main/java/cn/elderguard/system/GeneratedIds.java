package cn.elderguard.system;

import java.util.Map;

import org.springframework.jdbc.support.KeyHolder;

/**
 * The generated ID of an insert. PostgreSQL returns every column of the new row (lower-case names), H2
 * only the key (upper-case): look the ID up by name, whatever its case.
 */
public final class GeneratedIds {

    private GeneratedIds() {
    }

    public static long id(KeyHolder keys) {
        for (Map<String, Object> row : keys.getKeyList()) {
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if ("ID".equalsIgnoreCase(column.getKey()) && column.getValue() instanceof Number id) {
                    return id.longValue();
                }
            }
        }
        throw new IllegalStateException("insert returned no ID: " + keys.getKeyList());
    }
}
