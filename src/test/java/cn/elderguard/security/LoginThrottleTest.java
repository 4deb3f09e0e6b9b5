package cn.elderguard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;
import cn.elderguard.support.HttpCaller;

/**
 * Issue item 7: ten wrong passwords, sent anonymously from anywhere, used to lock an account for good (ENGINE-27002)
 * until an administrator unlocked it. Now an account is delayed at most a minute, an address that keeps failing
 * is answered 429 before any password is checked, and every failure is logged.
 */
@ElderGuardTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

    private static final String ACCOUNT = "xijie_wgy";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Value("${elderguard.login.failures-per-client}")
    int failuresPerClient;

    @AfterEach
    void clockBackAndAccountUnlocked() {
        ClockUtil.reset();
        engine.getIdentityService().unlockUser(ACCOUNT);
    }

    @Test
    void manyWrongPasswordsNeverLockTheOwnerOutForGood(CapturedOutput output) {
        HttpCaller attacker = HttpCaller.basic(port, ACCOUNT, "guess").with("X-Forwarded-For", "198.51.100.201");
        for (int attempt = 0; attempt < 12; attempt++) {
            assertThat(attacker.get("/api/session").status()).isEqualTo(401);
        }
        assertThat(output).contains("登录失败：账号 " + ACCOUNT).contains("198.51.100.201");

        // The account waits out its delay (at most a minute), then its owner logs in from their own desk.
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
        HttpCaller owner = HttpCaller.basic(port, ACCOUNT, DemoOrganisation.PASSWORD).with("X-Forwarded-For", "198.51.100.202");
        assertThat(owner.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void anAddressThatKeepsFailingIsTurnedAwayBeforeAnyPasswordIsChecked() {
        HttpCaller attacker = HttpCaller.basic(port, "yangzhuang_wgy", "guess").with("X-Forwarded-For", "198.51.100.203");
        for (int attempt = 0; attempt < failuresPerClient; attempt++) {
            attacker.get("/engine-rest/task");
        }
        HttpCaller.Response blocked = attacker.get("/engine-rest/task");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body()).contains("登录失败次数过多");
        HttpCaller sameAddressRightPassword = HttpCaller.basic(port, "cg_mz", DemoOrganisation.PASSWORD).with("X-Forwarded-For", "198.51.100.203");
        assertThat(sameAddressRightPassword.get("/api/session").status()).as("the whole address waits").isEqualTo(429);

        HttpCaller elsewhere = HttpCaller.basic(port, "cg_mz", DemoOrganisation.PASSWORD).with("X-Forwarded-For", "198.51.100.204");
        assertThat(elsewhere.get("/api/session").status()).isEqualTo(200);
        engine.getIdentityService().unlockUser("yangzhuang_wgy");
    }
}
