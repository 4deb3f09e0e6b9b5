package cn.elderguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @ParameterizedTest
    @CsvSource({
        "420000000000, PROVINCE",
        "420100000000, CITY",
        "429004000000, COUNTY",
        "420102000000, COUNTY",
        "420102001000, TOWN",
        "420102001001, VILLAGE",
        "420102000001, VILLAGE"})
    void theLevelFollowsFromTheDigits(String code, JurisdictionLevel level) {
        assertThat(RegionCode.of(code).level()).isEqualTo(level);
    }

    @Test
    void ancestorsAreDerivedFromThePrefix() {
        assertThat(RegionCode.of("999001001003").selfAndAncestors()).extracting(RegionCode::value)
            .containsExactly("999001001003", "999001001000", "999001000000", "999000000000", "990000000000");
        assertThat(RegionCode.of("990000000000").parent()).isNull();
    }

    @Test
    void aSubtreeIsACodeRange() {
        RegionCode county = RegionCode.of("999001000000");
        assertThat(county.subtreeFirst()).isEqualTo("999001000000");
        assertThat(county.subtreeLast()).isEqualTo("999001999999");
        assertThat(county.contains(RegionCode.of("999001002003"))).isTrue();
        assertThat(county.contains(RegionCode.of("999002001000"))).isFalse();
        assertThat(RegionCode.of("999001001000").contains(county)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "99900100100", "9990010010011", "99900100100a", "000000000000", " 999001001001"})
    void onlyTwelveDigitCodesOfARealProvinceAreAccepted(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of(code));
    }
}
