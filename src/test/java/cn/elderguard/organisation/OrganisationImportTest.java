package cn.elderguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.organisation.OrganisationImport.Counts;
import cn.elderguard.organisation.OrganisationImport.ImportResult;
import cn.elderguard.support.ElderGuardTest;

/** Each test uses its own province code so that the tests share the database without meeting. */
@ElderGuardTest
class OrganisationImportTest {

    @Autowired
    OrganisationImport importer;

    @Autowired
    IdentityService identity;

    @Autowired
    OrganisationRepository organisation;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneBadRowInAThousandRejectsTheWholeFileAndNamesLineAndField() {
        OrganisationFileBuilder file = OrganisationFileBuilder.county("91", 20, 15);
        assertThat(file.rows()).isBetween(1000, 1100);
        int badLine = file.replaceUser(700,
            "{id: bad_agency_user, name: 错误, agency: MARKET_REGULATOR, jurisdiction: \"910101000000\", role: OFFICER}");
        Map<String, Long> before = tableCounts();

        OrganisationImportException rejected = catchThrowableOfType(OrganisationImportException.class,
            () -> importer.importFile(file.stream()));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(badLine);
            assertThat(problem.section()).isEqualTo("users");
            assertThat(problem.field()).isEqualTo("agency");
            assertThat(problem.message()).contains("MARKET_REGULATOR");
        });
        assertThat(tableCounts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown agency code        | units         | 3 | agency       | units: [{agency: NO_SUCH_AGENCY, jurisdiction: "920000000000", name: 某单位}]
        region code of 11 digits   | jurisdictions | 3 | code         | jurisdictions: [{code: "92000000000", name: 某省, level: PROVINCE}]
        region code not of level   | jurisdictions | 3 | level        | jurisdictions: [{code: "920100000000", name: 某县, level: COUNTY}]
        parent missing             | jurisdictions | 3 | code         | jurisdictions: [{code: "920101000000", name: 某县, level: COUNTY}]
        unit in unknown region     | units         | 3 | jurisdiction | units: [{agency: CHUFEI_OFFICE, jurisdiction: "929900000000", name: 某单位}]
        user in a missing unit     | users         | 3 | agency       | users: [{id: lost_user, name: 某人, agency: HEALTH, jurisdiction: "990000000000", role: OFFICER}]
        user id not allowed        | users         | 3 | id           | users: [{id: "张三", name: 某人, agency: CHUFEI_OFFICE, jurisdiction: "990000000000", role: OFFICER}]
        unknown role               | users         | 3 | role         | users: [{id: some_user, name: 某人, agency: CHUFEI_OFFICE, jurisdiction: "990000000000", role: CHIEF}]
        unknown field              | users         | 3 | unit         | users: [{id: some_user, name: 某人, unit: x, agency: CHUFEI_OFFICE, jurisdiction: "990000000000", role: OFFICER}]
        """)
    void badRowsAreReportedAndNothingIsStored(String description, String section, int line, String field, String yaml) {
        String file = "# " + description + "\n" + yaml.replace(": [", ":\n  - ").replaceAll("]$", "") + "\n";
        Map<String, Long> before = tableCounts();

        OrganisationImportException rejected = catchThrowableOfType(OrganisationImportException.class,
            () -> importer.importFile(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));

        assertThat(rejected).as(file).isNotNull();
        assertThat(rejected.problems()).as(file).singleElement().satisfies(problem -> {
            assertThat(problem.section()).isEqualTo(section);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.field()).isEqualTo(field);
        });
        assertThat(tableCounts()).isEqualTo(before);
    }

    @Test
    void aDuplicateUserIdIsReportedOnItsSecondLine() {
        OrganisationFileBuilder file = OrganisationFileBuilder.county("93", 1, 2);
        int line = file.replaceUser(3, file.userRow(0));

        OrganisationImportException rejected = catchThrowableOfType(OrganisationImportException.class,
            () -> importer.importFile(file.stream()));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.field()).isEqualTo("id");
            assertThat(problem.message()).contains("重复");
        });
    }

    @Test
    void importingTwiceChangesNothingAndAChangedRowIsUpdated() {
        OrganisationFileBuilder file = OrganisationFileBuilder.county("94", 2, 2);

        ImportResult first = importer.importFile(file.stream());
        assertThat(first.users().created()).isEqualTo(file.userCount());
        Map<String, Long> afterFirst = tableCounts();

        ImportResult second = importer.importFile(file.stream());
        assertThat(second).isEqualTo(new ImportResult(new Counts(0, 0, 5), new Counts(0, 0, 10), new Counts(0, 0, file.userCount())));
        assertThat(tableCounts()).isEqualTo(afterFirst);

        // t940101001000_market_regulation_1 moves from the town's market unit to the county's, and is renamed.
        String moved = "t940101001000_market_regulation_1";
        assertThat(organisation.person(moved).orElseThrow().unit().region()).as("now in memory too")
            .isEqualTo(RegionCode.of("940101001000"));
        file.replaceUser(indexOf(file, moved), "{id: " + moved + ", name: 新名字, agency: MARKET_REGULATION, jurisdiction: \"940101000000\", role: OFFICER}");

        ImportResult third = importer.importFile(file.stream());
        assertThat(third.users()).isEqualTo(new Counts(0, 1, file.userCount() - 1));
        assertThat(identity.createUserQuery().userId(moved).singleResult().getFirstName()).isEqualTo("新名字");
        assertThat(identity.createGroupQuery().groupMember(moved).list()).extracting(Group::getId)
            .containsExactly("MARKET_REGULATION-940101000000");
        assertThat(identity.checkPassword(moved, "secret")).as("the password is kept").isTrue();
        assertThat(organisation.person(moved).orElseThrow()).as("the import replaced what was in memory")
            .extracting(person -> person.unit().region(), Person::displayName)
            .containsExactly(RegionCode.of("940101000000"), "新名字");
    }

    private static int indexOf(OrganisationFileBuilder file, String userId) {
        for (int i = 0; i < file.userCount(); i++) {
            if (file.userRow(i).startsWith("{id: " + userId + ",")) {
                return i;
            }
        }
        throw new AssertionError(userId);
    }

    private Map<String, Long> tableCounts() {
        return Map.of(
            "EG_JURISDICTION", count("EG_JURISDICTION"), "EG_UNIT", count("EG_UNIT"), "EG_PERSON", count("EG_PERSON"),
            "ACT_ID_USER", count("ACT_ID_USER"), "ACT_ID_GROUP", count("ACT_ID_GROUP"),
            "ACT_ID_MEMBERSHIP", count("ACT_ID_MEMBERSHIP"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
