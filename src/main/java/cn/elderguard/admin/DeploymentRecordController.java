package cn.elderguard.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;

/** Who changed what: the deployment records, for administrators (docs/modeler.md). */
@RestController
@RequestMapping("/api/admin/deployments")
@PreAuthorize("hasAuthority('camunda-admin')")
class DeploymentRecordController {

    static final int MAX_SIZE = 100;

    private final DeploymentRecords records;

    DeploymentRecordController(DeploymentRecords records) {
        this.records = records;
    }

    /** Newest first; {@code before} is the previous page's {@code next}. */
    @GetMapping
    DeploymentRecords.Page list(@RequestParam(defaultValue = "0") long before, @RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "每页条数应在 1 到 " + MAX_SIZE + " 之间");
        }
        if (before < 0) {
            throw new InvalidInputException("before", "应为上一页返回的 next 值，或省略以从最新一次部署开始");
        }
        return records.page(before, size);
    }

    @GetMapping("/{id}")
    DeploymentRecords.Detail get(@PathVariable("id") String id) {
        return records.detail(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的部署记录；请从部署记录列表中选择"));
    }
}
