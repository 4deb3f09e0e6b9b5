package cn.elderguard.dashboard;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{id}/timeline} (docs/console.md, "Case timeline"; door {@code case-reader}: 404 for everyone else). */
@RestController
class CaseTimelineController {

    private final CaseChronicle chronicle;

    CaseTimelineController(CaseChronicle chronicle) {
        this.chronicle = chronicle;
    }

    @GetMapping("/api/cases/{id}/timeline")
    List<CaseChronicle.Item> timeline(@PathVariable long id) {
        return chronicle.of(id);
    }
}
