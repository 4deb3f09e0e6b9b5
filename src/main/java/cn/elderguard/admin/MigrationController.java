package cn.elderguard.admin;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.organisation.CurrentUser;

/**
 * Migration of running cases and repair of stuck ones, for administrators (docs/modeler.md; page
 * /app/migration.html). Bodies are records: unknown fields are refused (spring.jackson FAIL_ON_UNKNOWN_PROPERTIES).
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasAuthority('camunda-admin')")
class MigrationController {

    private final CaseMigration migration;
    private final StuckCases stuck;
    private final CurrentUser currentUser;

    MigrationController(CaseMigration migration, StuckCases stuck, CurrentUser currentUser) {
        this.migration = migration;
        this.stuck = stuck;
        this.currentUser = currentUser;
    }

    @GetMapping("/process-definitions")
    List<CaseMigration.Definition> definitions() {
        return migration.definitions();
    }

    @PostMapping("/migrations/mapping")
    CaseMigration.Mapping mapping(@RequestBody CaseMigration.Request request) {
        return migration.mapping(request);
    }

    @PostMapping("/migrations/dry-run")
    CaseMigration.DryRun dryRun(@RequestBody CaseMigration.Request request) {
        return migration.dryRun(request);
    }

    @PostMapping("/migrations")
    CaseMigration.Started start(@RequestBody CaseMigration.Request request) {
        return migration.start(request, currentUser.id());
    }

    @GetMapping("/migrations")
    List<CaseMigration.Progress> runs() {
        return migration.runs();
    }

    @GetMapping("/migrations/{batchId}")
    CaseMigration.Result result(@PathVariable("batchId") String batchId) {
        return migration.result(batchId);
    }

    @GetMapping("/stuck-cases")
    List<StuckCases.StuckCase> stuckCases() {
        return stuck.list();
    }

    @PostMapping("/stuck-cases/retry")
    StuckCases.Retried retry(@RequestBody Selection selection) {
        return stuck.retry(selection.processInstanceIds());
    }

    @PostMapping("/stuck-cases/migrate")
    Map<String, List<CaseMigration.Started>> migrate(@RequestBody Selection selection) {
        return Map.of("migrations", stuck.migrateToLatest(selection.processInstanceIds(), currentUser.id()));
    }

    /** The cases an administrator ticked in the list. */
    record Selection(List<String> processInstanceIds) {
    }
}
