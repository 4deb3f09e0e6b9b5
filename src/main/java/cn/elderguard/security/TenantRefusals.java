package cn.elderguard.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's tenant checks, refusing as its authorization checks do. A task or case outside the caller's tenants
 * (docs/decisions/045) is one they may not read; the engine's tenant checker says so with a plain engine error
 * (ENGINE-13034, which the REST API answers with 500), its authorization checker with an {@link AuthorizationException}
 * (403 and a Chinese explanation, engine/EngineRefusals). Every check of the interface goes through, whatever a later
 * engine version adds.
 */
final class TenantRefusals {

    private static final String UNAUTHORIZED_TENANT = "ENGINE-13034";

    private TenantRefusals() {
    }

    static CommandChecker asAuthorizationRefusals(CommandChecker tenantChecker) {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(), new Class<?>[] {CommandChecker.class},
            (proxy, method, arguments) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(tenantChecker, arguments);
                }
                try {
                    return method.invoke(tenantChecker, arguments);
                } catch (InvocationTargetException failed) {
                    Throwable cause = failed.getCause();
                    if (cause instanceof ProcessEngineException refused && !(cause instanceof AuthorizationException)
                        && refused.getMessage() != null && refused.getMessage().startsWith(UNAUTHORIZED_TENANT)) {
                        throw unreadable(arguments == null || arguments.length == 0 ? null : arguments[0]);
                    }
                    throw cause;
                }
            });
    }

    private static AuthorizationException unreadable(Object subject) {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        String read = Permissions.READ.getName();
        if (subject instanceof TaskEntity task) {
            return new AuthorizationException(user, read, "Task", task.getId());
        }
        if (subject instanceof ExecutionEntity execution) {
            return new AuthorizationException(user, read, "ProcessInstance", execution.getProcessInstanceId());
        }
        return new AuthorizationException(user, read, subject == null ? null : subject.getClass().getSimpleName(), null);
    }
}
