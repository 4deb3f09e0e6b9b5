package cn.elderguard.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Outside the demo an installation does not start while its administrator password is the default or weaker
 * than the policy (docs/security.md, "Administrator password"): at least 12 characters, three of upper case,
 * lower case, digits and symbols, and not containing the account's name. Checked while the engine is being
 * configured, before the administrator account is created from it.
 */
@Component
class AdminPasswordPolicy extends AbstractProcessEnginePlugin {

    static final int MIN_LENGTH = 12;

    private final boolean demo;
    private final String adminId;
    private final String password;

    AdminPasswordPolicy(@Value("${elderguard.demo.enabled:false}") boolean demo,
                        @Value("${camunda.bpm.admin-user.id:admin}") String adminId,
                        @Value("${camunda.bpm.admin-user.password:}") String password) {
        this.demo = demo;
        this.adminId = adminId;
        this.password = password;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> problems = problems(adminId, password);
        if (!demo && !problems.isEmpty()) {
            throw new WeakAdminPasswordException("管理员 " + adminId + " 的密码不符合要求：" + String.join("；", problems)
                + "。请用环境变量 EG_ADMIN_PASSWORD 设置至少 " + MIN_LENGTH + " 位、含大写字母、小写字母、数字、符号中至少三类、"
                + "且不含账号名的密码后再启动（演示环境 elderguard.demo.enabled=true 除外）");
        }
    }

    static List<String> problems(String adminId, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("少于 " + MIN_LENGTH + " 位");
        }
        String value = password == null ? "" : password;
        int classes = (value.chars().anyMatch(Character::isUpperCase) ? 1 : 0) + (value.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
            + (value.chars().anyMatch(Character::isDigit) ? 1 : 0) + (value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            problems.add("大写字母、小写字母、数字、符号只用了 " + classes + " 类");
        }
        if (adminId != null && !adminId.isBlank() && value.toLowerCase(Locale.ROOT).contains(adminId.toLowerCase(Locale.ROOT))) {
            problems.add("含有账号名 " + adminId);
        }
        return problems;
    }

    /** Start-up refused; {@code WeakAdminPasswordFailureAnalyzer} prints it without a stack trace. */
    static class WeakAdminPasswordException extends IllegalStateException {
        WeakAdminPasswordException(String message) {
            super(message);
        }
    }
}
