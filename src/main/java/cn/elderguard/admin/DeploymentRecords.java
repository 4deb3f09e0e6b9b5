package cn.elderguard.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.elderguard.admin.ModelChanges.ElementChange;
import cn.elderguard.admin.ModelChanges.Kind;
import cn.elderguard.system.GeneratedIds;
import cn.elderguard.system.Now;

/**
 * The deployment records (EG_DEPLOYMENT_RECORD and its definitions and changes): written by
 * {@link DeploymentRecorder} inside the engine's deploy command, on the engine's own (Spring) transaction, and read
 * by administrators. Times are stored in UTC and shown in the configured zone (elderguard.time-zone).
 */
@Repository
class DeploymentRecords {

    /** Shown as the author of a deployment no one was logged in for: the application's own at start-up. */
    static final String STARTUP_AUTHOR = "系统（启动部署）";
    static final String UNKNOWN_AUTHOR = "系统（无登录用户）";

    /** A definition's state against the version before. */
    enum Status { NEW, CHANGED, UNCHANGED }

    /** One definition (or plain file, {@link Kind#FILE}) of a deployment and what changed in it. */
    record DefinitionRecord(String resourceName, Kind kind, String key, Integer version, Integer previousVersion, Status status,
                            List<ElementChange> changes) {
    }

    /** A deployment as the list shows it. */
    record Summary(String id, String name, String source, String author, String authorDisplay, OffsetDateTime deployedAt,
                   List<String> files, Map<Status, Integer> counts) {
    }

    /** A deployment with every definition's changes. */
    record Detail(Summary deployment, List<DefinitionRecord> definitions) {
    }

    /** A page of the list, newest first; {@code next} is the {@code before} of the following page, null at the end. */
    record Page(List<Summary> deployments, Long next) {
    }

    private final JdbcClient jdbc;
    private final ModelProperties models;

    DeploymentRecords(JdbcClient jdbc, ModelProperties models) {
        this.jdbc = jdbc;
        this.models = models;
    }

    void insert(String deploymentId, String name, String source, String author, Instant deployedAt, List<DefinitionRecord> definitions) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_DEPLOYMENT_RECORD (DEPLOYMENT_ID, NAME, SOURCE, AUTHOR, DEPLOYED_AT) VALUES (?, ?, ?, ?, ?)")
            .params(deploymentId, name, source, author, OffsetDateTime.ofInstant(deployedAt, ZoneOffset.UTC))
            .update(key);
        long recordId = GeneratedIds.id(key);
        for (DefinitionRecord definition : definitions) {
            GeneratedKeyHolder definitionKey = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO EG_DEPLOYMENT_DEFINITION (RECORD_ID, RESOURCE_NAME, KIND, DEFINITION_KEY, VERSION, PREVIOUS_VERSION, STATUS)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(recordId, definition.resourceName(), definition.kind().name(), definition.key(), definition.version(),
                    definition.previousVersion(), definition.status().name())
                .update(definitionKey);
            long definitionId = GeneratedIds.id(definitionKey);
            for (ElementChange change : definition.changes()) {
                jdbc.sql("INSERT INTO EG_DEPLOYMENT_CHANGE (DEFINITION_ID, ELEMENT_KIND, CHANGE_KIND, ELEMENT_ID, BEFORE_VALUE, AFTER_VALUE)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(definitionId, change.element().name(), change.change().name(), change.elementId(), clip(change.before()),
                        clip(change.after()))
                    .update();
            }
        }
    }

    /** Up to {@code size} deployments recorded before the record {@code before} (0: from the newest). */
    Page page(long before, int size) {
        List<RecordRow> rows = jdbc.sql("SELECT " + RECORD_COLUMNS + " FROM EG_DEPLOYMENT_RECORD WHERE ? = 0 OR ID < ? ORDER BY ID DESC FETCH FIRST " + (size + 1) + " ROWS ONLY")
            .params(before, before)
            .query(DeploymentRecords::recordRow)
            .list();
        List<Summary> deployments = new ArrayList<>();
        for (RecordRow row : rows.subList(0, Math.min(size, rows.size()))) {
            deployments.add(summary(row, definitions(row.id(), false)));
        }
        Long next = rows.size() > size ? rows.get(size - 1).id() : null;
        return new Page(deployments, next);
    }

    Optional<Detail> detail(String deploymentId) {
        return jdbc.sql("SELECT " + RECORD_COLUMNS + " FROM EG_DEPLOYMENT_RECORD WHERE DEPLOYMENT_ID = ?")
            .param(deploymentId)
            .query(DeploymentRecords::recordRow)
            .optional()
            .map(row -> {
                List<DefinitionRecord> definitions = definitions(row.id(), true);
                return new Detail(summary(row, definitions), definitions);
            });
    }

    private Summary summary(RecordRow row, List<DefinitionRecord> definitions) {
        String author = row.author();
        String source = row.source();
        String display = author != null ? author : models.deploymentName().equals(source) ? STARTUP_AUTHOR : UNKNOWN_AUTHOR;
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status, (int) definitions.stream().filter(d -> d.kind() != Kind.FILE && d.status() == status).count());
        }
        List<String> files = definitions.stream().map(DefinitionRecord::resourceName).distinct().toList();
        OffsetDateTime deployedAt = row.deployedAt().atZoneSameInstant(Now.zone()).toOffsetDateTime();
        return new Summary(row.deploymentId(), row.name(), source, author, display, deployedAt, files, counts);
    }

    private List<DefinitionRecord> definitions(long recordId, boolean withChanges) {
        record Row(long id, DefinitionRecord definition) {
        }
        List<Row> rows = jdbc.sql("SELECT ID, RESOURCE_NAME, KIND, DEFINITION_KEY, VERSION, PREVIOUS_VERSION, STATUS"
                + " FROM EG_DEPLOYMENT_DEFINITION WHERE RECORD_ID = ? ORDER BY ID")
            .param(recordId)
            .query((rs, row) -> new Row(rs.getLong("ID"), new DefinitionRecord(rs.getString("RESOURCE_NAME"), Kind.valueOf(rs.getString("KIND")),
                rs.getString("DEFINITION_KEY"), rs.getObject("VERSION", Integer.class), rs.getObject("PREVIOUS_VERSION", Integer.class),
                Status.valueOf(rs.getString("STATUS")), List.of())))
            .list();
        return rows.stream().map(row -> {
            DefinitionRecord d = row.definition();
            return withChanges ? new DefinitionRecord(d.resourceName(), d.kind(), d.key(), d.version(), d.previousVersion(), d.status(),
                changes(row.id())) : d;
        }).toList();
    }

    private List<ElementChange> changes(long definitionId) {
        return jdbc.sql("SELECT ELEMENT_KIND, CHANGE_KIND, ELEMENT_ID, BEFORE_VALUE, AFTER_VALUE FROM EG_DEPLOYMENT_CHANGE"
                + " WHERE DEFINITION_ID = ? ORDER BY ID")
            .param(definitionId)
            .query((rs, row) -> new ElementChange(ModelChanges.ElementKind.valueOf(rs.getString(1)), ModelChanges.Change.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5)))
            .list();
    }

    private static final String RECORD_COLUMNS = "ID, DEPLOYMENT_ID, NAME, SOURCE, AUTHOR, DEPLOYED_AT";

    private record RecordRow(long id, String deploymentId, String name, String source, String author, OffsetDateTime deployedAt) {
    }

    private static RecordRow recordRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RecordRow(rs.getLong("ID"), rs.getString("DEPLOYMENT_ID"), rs.getString("NAME"), rs.getString("SOURCE"),
            rs.getString("AUTHOR"), rs.getObject("DEPLOYED_AT", OffsetDateTime.class));
    }

    /** Names and details are short; a very long expression is kept readable rather than refused. */
    private static String clip(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
    }
}
