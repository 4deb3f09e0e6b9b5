package cn.elderguard.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up refused for the administrator password, as one readable message. */
class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordPolicy.WeakAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordPolicy.WeakAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
            "Set EG_ADMIN_PASSWORD to a strong password (docs/security.md, 'Administrator password') and start again.", cause);
    }
}
