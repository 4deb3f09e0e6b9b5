package cn.elderguard.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.organisation.Agency;
import cn.elderguard.system.GeneratedIds;
import cn.elderguard.engine.CaseProcessNames;

/**
 * Opens a real case (an unregistered venue and its open case, as intake leaves them) and starts its
 * LeadDisposal process, routed to any agency a test needs, without going through intake's sector rules.
 */
public final class LeadDisposalStarter {

    private LeadDisposalStarter() {
    }

    public static ProcessInstance start(ProcessEngine engine, Agency agency, String region) {
        return start(engine, agency, region, "测试机构-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static ProcessInstance start(ProcessEngine engine, Agency agency, String region, String institutionName) {
        long caseId = openCase(engine, agency, region, institutionName);
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(LeadDisposalProcess.KEY, Long.toString(caseId),
            Map.of(CaseProcessNames.VAR_JURISDICTION, region, CaseProcessNames.VAR_RESPONSIBLE_AGENCY, agency.name(),
                CaseProcessNames.VAR_INSTITUTION_NAME, institutionName));
        EngineJobRows.jdbc(engine).sql("UPDATE EG_CASE SET PROCESS_INSTANCE_ID = ? WHERE ID = ?").params(instance.getId(), caseId).update();
        return instance;
    }

    /** An unregistered venue and its open case, without a process yet; returns the case id (the business key). */
    public static long openCase(ProcessEngine engine, Agency agency, String region, String institutionName) {
        JdbcClient jdbc = EngineJobRows.jdbc(engine);
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder institution = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_INSTITUTION (NAME, NATURAL_KEY, REGISTERED, SECTOR, REGION_CODE, NEEDS_CONFIRMATION, CREATED_AT, UPDATED_AT)"
                + " VALUES (?, ?, FALSE, 'ELDER_CARE', ?, TRUE, ?, ?)")
            .params(institutionName, institutionName + "@" + region + "#" + UUID.randomUUID(), region, now, now).update(institution);
        long institutionId = GeneratedIds.id(institution);
        GeneratedKeyHolder caseKey = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO EG_CASE (INSTITUTION_ID, OPEN_INSTITUTION_ID, REGION_CODE, RESPONSIBLE_AGENCY, STATUS, OPENED_AT)"
                + " VALUES (?, ?, ?, ?, 'OPEN', ?)")
            .params(institutionId, institutionId, region, agency.name(), now).update(caseKey);
        return GeneratedIds.id(caseKey);
    }

    public static Task verificationTask(ProcessEngine engine, ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(LeadDisposalProcess.TASK_VERIFY_LEAD).singleResult();
    }
}
