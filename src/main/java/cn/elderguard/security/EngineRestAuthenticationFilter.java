package cn.elderguard.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The engine's HTTP Basic filter for {@code /engine-rest}, without its one exemption: Camunda leaves
 * {@code /engine-rest/engine} (the list of engine names) public; ElderGuard exposes nothing to anonymous callers.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
        return true;
    }
}
