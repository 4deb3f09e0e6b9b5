package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.organisation.CurrentUser;

/** {@link CurrentUser#actorId()}: the one way records name who acted, in engine commands and in requests. */
@ElderGuardTest
class CurrentUserActorTest {

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void forgetEveryone() {
        engine.getIdentityService().clearAuthentication();
        SecurityContextHolder.clearContext();
    }

    @Test
    void insideAnEngineCommandTheEnginesUserActsEvenWhenTheRequestHasAnother() {
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated("xian_cfb", "n/a", List.of()));
        engine.getIdentityService().setAuthenticatedUserId("hx_mz");

        assertThat(inCommand()).contains("hx_mz");
    }

    @Test
    void outsideTheEngineTheRequestsLoginActs() {
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated("xian_cfb", "n/a", List.of()));

        assertThat(CurrentUser.actorId()).contains("xian_cfb");
        // An engine command without an engine user (e.g. our own service calling the engine) falls back to the login.
        assertThat(inCommand()).contains("xian_cfb");
    }

    @Test
    void nobodyActsForTheEnginesOwnJobsAndForAnonymousCallers() {
        assertThat(CurrentUser.actorId()).isEmpty();
        assertThat(inCommand()).isEmpty();

        SecurityContextHolder.getContext().setAuthentication(
            new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(CurrentUser.actorId()).isEmpty();
    }

    private Optional<String> inCommand() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(commandContext -> CurrentUser.actorId());
    }
}
