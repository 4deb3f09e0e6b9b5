package cn.elderguard.organisation;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

import cn.elderguard.engine.CaseProcessNames;

/**
 * A process instance joins the tenant of its jurisdiction (docs/decisions/045): a case's is where the case is, a
 * campaign's its owner's; a called process (a hand-over) stays in its caller's. Models and forms are deployed without
 * a tenant and shared by all, so call activities and decisions find them as before. Instances without a jurisdiction
 * (the daily digest) and decision history stay without a tenant.
 */
@Component
class JurisdictionTenantPlugin extends AbstractProcessEnginePlugin implements TenantIdProvider {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        Object jurisdiction = context.getVariables().get(CaseProcessNames.VAR_JURISDICTION);
        return jurisdiction == null ? null : Tenants.of(RegionCode.of(jurisdiction.toString()));
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return null;
    }
}
