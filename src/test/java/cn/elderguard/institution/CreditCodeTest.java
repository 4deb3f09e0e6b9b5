package cn.elderguard.institution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "12100000400000624D"})
    void publishedCodesAreValid(String code) {
        assertThat(CreditCode.problem(code)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "91350100M000100Y44, 校验位错误",
        "91350100M000100Y4,  18 位",
        "91350100M000100YI3, 第 17 位",
        "9135010OM000100Y43, 第 8 位"})
    void brokenCodesSayWhy(String code, String reason) {
        assertThat(CreditCode.problem(code)).contains(reason);
    }
}
