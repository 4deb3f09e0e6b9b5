package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * Issue item 9: outside the demo the application refuses to start while the administrator password is the default
 * or weaker than the policy, and says what to do; a strong one starts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordPolicyTest {

    @Test
    void thePolicy() {
        assertThat(AdminPasswordPolicy.problems("admin", "admin")).hasSize(3);
        assertThat(AdminPasswordPolicy.problems("admin", "longbutlowercase")).containsExactly("大写字母、小写字母、数字、符号只用了 1 类");
        assertThat(AdminPasswordPolicy.problems("admin", "Admin-Passw0rd-2026")).containsExactly("含有账号名 admin");
        assertThat(AdminPasswordPolicy.problems("admin", "Kx7#meadow-lantern")).isEmpty();
    }

    @Test
    void outsideTheDemoTheDefaultPasswordStopsTheStart(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> ApplicationRun.start(PostgresTestDatabase.create(),
            "--elderguard.demo.enabled=false", "--camunda.bpm.admin-user.password=admin").close());

        assertThat(failure).isNotNull();
        assertThat(output).contains("管理员 admin 的密码不符合要求").contains("EG_ADMIN_PASSWORD");
    }

    @Test
    void outsideTheDemoAStrongPasswordStarts() {
        try (ConfigurableApplicationContext context = ApplicationRun.start(PostgresTestDatabase.create(),
            "--elderguard.demo.enabled=false", "--camunda.bpm.admin-user.password=Kx7#meadow-lantern")) {
            assertThat(context.isRunning()).isTrue();
        }
    }
}
