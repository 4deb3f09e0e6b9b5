package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/** One client address may submit only so many tips an hour; others are not affected. */
@ElderGuardTest
class PublicRateLimitTest {

    @Autowired
    TestRestTemplate http;

    @Value("${elderguard.public.tips-per-hour}")
    int tipsPerHour;

    @Test
    void aClientOverTheLimitGets429AndAnotherClientDoesNot() {
        Map<String, Object> tip = Map.of("institution", Map.of("name", "限流测试养老院", "jurisdiction", DemoOrganisation.HEXICUN),
            "description", "测试");
        Api.Response last = null;
        for (int i = 0; i <= tipsPerHour; i++) {
            last = Api.anonymous(http).post("/public/api/tips", tip, Map.of("X-Forwarded-For", "198.51.100.7"));
        }
        assertThat(last.status()).isEqualTo(429);

        Api.Response other = Api.anonymous(http).post("/public/api/tips", tip, Map.of("X-Forwarded-For", "198.51.100.8"));
        assertThat(other.status()).isEqualTo(201);
    }
}
