package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/** Bad input gets a 4xx naming the field and the rule, and nothing is stored. */
@ElderGuardTest
class BadInputTest {

    static final String LONG_TEXT = "长".repeat(20_001);
    static final String NUL = "\0";
    /** A JSON number PostgreSQL cannot store and {@code toPlainString()} would spell out as a billion digits. */
    static final String ABSURD_EXPONENT = "1e-999999999";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> cases() {
        return Stream.of(
            institution("wrong check character of a credit code", i -> i.put("creditCode", "91350100M000100Y44"), 400, "creditCode"),
            institution("credit code of 17 characters", i -> i.put("creditCode", "91350100M000100Y4"), 400, "creditCode"),
            institution("registered but no credit code", i -> i.remove("creditCode"), 400, "creditCode"),
            institution("region code not 12 digits", i -> i.put("jurisdiction", "99900100100"), 400, "jurisdiction"),
            institution("unknown region code", i -> i.put("jurisdiction", "999001009000"), 400, "jurisdiction"),
            institution("negative prepaid fees", i -> i.put("prepaidFeesYuan", -1), 400, "prepaidFeesYuan"),
            institution("absurd prepaid fees", i -> i.put("prepaidFeesYuan", 1e12), 400, "prepaidFeesYuan"),
            institution("negative beds", i -> i.put("beds", -3), 400, "beds"),
            institution("pledge signed in the future", i -> i.put("pledgeSignedOn", "2099-01-01"), 400, "pledgeSignedOn"),
            institution("unknown ownership", i -> i.put("ownership", "STATE"), 400, "ownership"),
            institution("name over 200 characters", i -> i.put("name", "名".repeat(201)), 400, "name"),
            lead("unknown LeadSource", l -> l.put("source", "RUMOUR"), 400, "source"),
            lead("description over 20,000 characters", l -> l.put("description", LONG_TEXT), 400, "description"),
            lead("negative amount", l -> l.put("amountInvolvedYuan", -100), 400, "amountInvolvedYuan"),
            lead("absurd amount", l -> l.put("amountInvolvedYuan", 5e11), 400, "amountInvolvedYuan"),
            lead("observed in the future", l -> l.put("observedOn", "2099-12-31"), 400, "observedOn"),
            lead("wrong check character in the lead", l -> l.put("institution",
                Map.of("name", "坏代码养老院", "creditCode", "91350100M000100Y44", "jurisdiction", DemoOrganisation.DONGJIE)),
                400, "institution.creditCode"),
            lead("unknown region in the lead", l -> l.put("institution", Map.of("name", "某养老院", "jurisdiction", "999001009001")),
                400, "institution.jurisdiction"),
            lead("unknown field", l -> l.put("secretField", "x"), 400, "secretField"),
            lead("an amount in words", l -> l.put("amountInvolvedYuan", "很多"), 400, "amountInvolvedYuan"),
            lead("a date in words", l -> l.put("observedOn", "昨天"), 400, "observedOn"),
            publicTip("description over 20,000 characters", t -> t.put("description", LONG_TEXT), 400, "description"),
            publicTip("a place outside this installation", t -> t.put("institution",
                Map.of("name", "外地养老院", "jurisdiction", "999000000000")), 400, "institution.jurisdiction"),
            publicTip("a request over 100 KB", t -> t.put("description", "x".repeat(120_000)), 413, "description"),
            // NUL (U+0000): PostgreSQL refuses it, so it must be refused as input, never reach a transaction.
            institution("NUL in the name", i -> i.put("name", "养老院" + NUL), 400, "name"),
            institution("NUL in the address", i -> i.put("address", NUL), 400, "address"),
            lead("NUL in the description", l -> l.put("description", "推销" + NUL + "理财"), 400, "description"),
            lead("NUL in the reference", l -> l.put("reference", NUL), 400, "reference"),
            lead("NUL in the institution's name", l -> l.put("institution",
                Map.of("name", NUL + "养老院", "jurisdiction", DemoOrganisation.DONGJIE)), 400, "institution.name"),
            lead("NUL in the tipster's name", l -> l.put("tipster", Map.of("name", "张" + NUL)), 400, "tipster.name"),
            publicTip("NUL in the description", t -> t.put("description", NUL), 400, "description"),
            publicTip("NUL in the institution's address", t -> t.put("institution",
                Map.of("name", "坏输入举报养老院", "jurisdiction", DemoOrganisation.HEXICUN, "address", "河西" + NUL)),
                400, "institution.address"),
            // Amounts are yuan to the fen: an absurd exponent is refused by its digits, whatever its size.
            institution("an absurd exponent in prepaid fees", i -> i.put("prepaidFeesYuan", ABSURD_EXPONENT), 400, "prepaidFeesYuan"),
            institution("fractions of a fen in prepaid fees", i -> i.put("prepaidFeesYuan", "12.345"), 400, "prepaidFeesYuan"),
            lead("an absurd exponent in the amount", l -> l.put("amountInvolvedYuan", ABSURD_EXPONENT), 400, "amountInvolvedYuan"),
            publicTip("an absurd exponent in the amount", t -> t.put("amountInvolvedYuan", ABSURD_EXPONENT), 400, "amountInvolvedYuan"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedNamingTheFieldAndNothingIsStored(String description, String user, String path, String body,
                                                    int status, String field) {
        Map<String, Long> before = counts();
        Api api = user == null ? Api.anonymous(http) : Api.as(http, user, user.equals("admin") ? "test-admin" : DemoOrganisation.PASSWORD);

        Api.Response response = api.post(path, body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorFields()).as(response.body()).contains(field);
        assertThat(response.json().path("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
        if (description.contains("in words")) {
            // A value of the wrong type says what the field takes instead.
            assertThat(response.json().path("errors").findValuesAsText("message")).as(response.body())
                .anySatisfy(m -> assertThat(m).containsAnyOf("应为数字", "应为日期"));
        }
        if (body.contains("\\u0000")) {
            assertThat(response.json().path("errors").findValuesAsText("message")).as(response.body()).contains("不能包含空字符（\\u0000），请删除后重新提交");
        }
        assertThat(counts()).isEqualTo(before);
    }

    private static Arguments institution(String description, Consumer<Map<String, Object>> change, int status, String field) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "坏输入测试养老院", "creditCode", "91350100M000100Y43",
            "registered", true, "legalForm", "ENTERPRISE", "jurisdiction", DemoOrganisation.DONGJIE, "beds", 10));
        change.accept(body);
        return arguments(description, "cg_mz", "/api/institutions", json(body), status, field);
    }

    private static Arguments lead(String description, Consumer<Map<String, Object>> change, int status, String field) {
        Map<String, Object> body = LeadIntakeTest.lead(LeadSource.GRID_PATROL, "坏输入线索养老院", DemoOrganisation.DONGJIE, null);
        change.accept(body);
        return arguments(description, "cg_mz", "/api/leads", json(body), status, field);
    }

    private static Arguments publicTip(String description, Consumer<Map<String, Object>> change, int status, String field) {
        Map<String, Object> body = new HashMap<>(Map.of(
            "institution", Map.of("name", "坏输入举报养老院", "jurisdiction", DemoOrganisation.HEXICUN), "description", "推销理财"));
        change.accept(body);
        return arguments(description, null, "/public/api/tips", json(body), status, field);
    }

    /** The body as JSON; {@link #ABSURD_EXPONENT} and decimal strings become JSON numbers, as a client would send them. */
    private static String json(Map<String, Object> body) {
        try {
            return new ObjectMapper().writeValueAsString(body)
                .replace('"' + ABSURD_EXPONENT + '"', ABSURD_EXPONENT).replace("\"12.345\"", "12.345");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Long> counts() {
        return Map.of("EG_INSTITUTION", count("EG_INSTITUTION"), "EG_CASE", count("EG_CASE"), "EG_LEAD", count("EG_LEAD"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
