package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/** The engine uses our authorization manager, and it keeps exactly the user's groups that have authorizations. */
@ElderGuardTest
class OwnGroupsAuthorizationManagerTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void keepsOnlyTheUsersGroupsThatHaveAuthorizations() {
        String withGrants = "camunda-admin";
        String townOffice = "CHUFEI_OFFICE-" + DemoOrganisation.HEXI;
        String withoutGrants = "MARKET_REGULATION-999999999999";

        List<String> kept = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(context -> {
                AuthorizationManager manager = context.getAuthorizationManager();
                assertThat(manager).isInstanceOf(OwnGroupsAuthorizationManager.class);
                return manager.filterAuthenticatedGroupIds(List.of(withGrants, withoutGrants, townOffice));
            });

        assertThat(kept).contains(withGrants).doesNotContain(withoutGrants);
        List<String> none = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of()));
        assertThat(none).isEmpty();
    }
}
