package cn.elderguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.elderguard.organisation.EscalationLadder.Step;
import cn.elderguard.organisation.EscalationLadder.StepKind;
import cn.elderguard.support.ElderGuardTest;

/** Routing and escalation over the demo organisation (示范县: src/main/resources/organisation/demo-organisation.yaml). */
@ElderGuardTest
class RoutingTest {

    static final String PROVINCE = "990000000000";
    static final String CITY = "999000000000";
    static final String COUNTY = "999001000000";
    static final String CHENGGUAN = "999001001000";
    static final String HEXI = "999001002000";
    static final String DONGJIE = "999001001001";

    @Autowired
    RoutingService routing;

    @Autowired
    EscalationLadder ladder;

    @ParameterizedTest(name = "{0} in {1} goes to {2}")
    @CsvSource({
        "MARKET_REGULATION,       " + CHENGGUAN + ", MARKET_REGULATION-" + CHENGGUAN,
        "MARKET_REGULATION,       " + DONGJIE + ",   MARKET_REGULATION-" + CHENGGUAN,
        "PUBLIC_SECURITY,         " + DONGJIE + ",   PUBLIC_SECURITY-" + CHENGGUAN,
        "GRID_WORKER,             " + DONGJIE + ",   GRID_WORKER-" + DONGJIE,
        "SOCIAL_ORG_REGISTRATION, " + DONGJIE + ",   SOCIAL_ORG_REGISTRATION-" + COUNTY,
        "POLITICAL_LEGAL,         " + HEXI + ",      POLITICAL_LEGAL-" + COUNTY,
        "CHUFEI_OFFICE,           " + COUNTY + ",    CHUFEI_OFFICE-" + COUNTY,
        "CHUFEI_OFFICE,           " + CITY + ",      CHUFEI_OFFICE-" + CITY})
    void workGoesToTheUnitOfTheJurisdictionOrTheNearestAbove(Agency agency, String region, String group) {
        assertThat(routing.candidateGroup(agency, RegionCode.of(region))).isEqualTo(group);
    }

    @Test
    void anAgencyMissingUpToTheProvinceCannotBeRouted() {
        assertThatThrownBy(() -> routing.route(Agency.HOUSING, RegionCode.of(DONGJIE)))
            .isInstanceOf(RoutingException.class).hasMessageContaining("HOUSING").hasMessageContaining(DONGJIE);
    }

    @Test
    void anInstitutionIsTheBusinessOfItsSectorAgencyAndTheChufeiOfficeOfItsJurisdiction() {
        RoutingService.Responsibility elderCare = routing.responsibleFor(RegionCode.of(DONGJIE), "ELDER_CARE");
        assertThat(elderCare.sectorUnit().officerGroup()).isEqualTo("CIVIL_AFFAIRS-" + CHENGGUAN);
        assertThat(elderCare.chufeiOffice().officerGroup()).isEqualTo("CHUFEI_OFFICE-" + CHENGGUAN);

        RoutingService.Responsibility healthProducts = routing.responsibleFor(RegionCode.of(HEXI), "HEALTH_PRODUCTS");
        assertThat(healthProducts.sectorUnit().officerGroup()).isEqualTo("MARKET_REGULATION-" + HEXI);
    }

    @Test
    void aSectorWhoseAgencyIsNowhereFallsToTheChufeiOffice() {
        RoutingService.Responsibility housing = routing.responsibleFor(RegionCode.of(DONGJIE), "ELDER_HOUSING");
        assertThat(housing.sectorUnit().officerGroup()).isEqualTo("CHUFEI_OFFICE-" + CHENGGUAN);
        assertThatThrownBy(() -> routing.responsibleFor(RegionCode.of(DONGJIE), "NO_SUCH_SECTOR"))
            .isInstanceOf(RoutingException.class).hasMessageContaining("NO_SUCH_SECTOR");
    }

    @Test
    void supervisorsOfAVillageAreEveryChufeiOfficeAboveItAndTheLeadingGroup() {
        assertThat(routing.supervisorGroups(RegionCode.of(DONGJIE))).containsExactlyInAnyOrder(
            "CHUFEI_OFFICE-" + CHENGGUAN, "CHUFEI_OFFICE-" + COUNTY, "CHUFEI_OFFICE-" + CITY, "CHUFEI_OFFICE-" + PROVINCE,
            "LEADING_GROUP-" + COUNTY);
    }

    @Test
    void aVillageDutyClimbsFromTheGridWorkerToTheProvince() {
        assertThat(ladder.of(new UnitKey(Agency.GRID_WORKER, RegionCode.of(DONGJIE))))
            .extracting(Step::kind, Step::groupId)
            .containsExactly(
                tuple(StepKind.OFFICERS, "GRID_WORKER-" + DONGJIE),
                tuple(StepKind.UNIT_LEADERS, "GRID_WORKER-" + DONGJIE + "-LEADER"),
                tuple(StepKind.CHUFEI_OFFICE, "CHUFEI_OFFICE-" + CHENGGUAN),
                tuple(StepKind.CHUFEI_OFFICE, "CHUFEI_OFFICE-" + COUNTY),
                tuple(StepKind.CHUFEI_OFFICE, "CHUFEI_OFFICE-" + CITY),
                tuple(StepKind.CHUFEI_OFFICE, "CHUFEI_OFFICE-" + PROVINCE));
    }

    @Test
    void aChufeiOfficeDoesNotEscalateToItself() {
        assertThat(ladder.of(new UnitKey(Agency.CHUFEI_OFFICE, RegionCode.of(COUNTY))))
            .extracting(Step::groupId)
            .containsExactly("CHUFEI_OFFICE-" + COUNTY, "CHUFEI_OFFICE-" + COUNTY + "-LEADER",
                "CHUFEI_OFFICE-" + CITY, "CHUFEI_OFFICE-" + PROVINCE);
    }

    @Test
    void theTopOfTheLadderIsTheProvince() {
        assertThat(ladder.of(new UnitKey(Agency.CHUFEI_OFFICE, RegionCode.of(PROVINCE))))
            .extracting(Step::rank, Step::groupId)
            .containsExactly(
                tuple(0, "CHUFEI_OFFICE-" + PROVINCE),
                tuple(1, "CHUFEI_OFFICE-" + PROVINCE + "-LEADER"));
    }
}
