package cn.elderguard.institution;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.elderguard.organisation.RegionCode;

/** A registered elder-care institution or an unregistered venue (摸排对象). */
public record Institution(
    Long id,
    String name,
    String creditCode,
    boolean registered,
    Ownership ownership,
    LegalForm legalForm,
    String sector,
    RegionCode jurisdiction,
    String address,
    Integer beds,
    Integer residents,
    BigDecimal prepaidFeesYuan,
    String relatedCompanies,
    LocalDate pledgeSignedOn,
    RegionCode registeredElsewhere,
    boolean needsConfirmation) {

    public static final String DEFAULT_SECTOR = "ELDER_CARE";

    /** What imports and leads match on: the credit code, or name and jurisdiction for a venue without one. */
    public String naturalKey() {
        return naturalKey(creditCode, name, jurisdiction);
    }

    static String naturalKey(String creditCode, String name, RegionCode jurisdiction) {
        return creditCode != null ? creditCode : name + "@" + jurisdiction.value();
    }

    Institution withId(Long newId) {
        return new Institution(newId, name, creditCode, registered, ownership, legalForm, sector, jurisdiction, address,
            beds, residents, prepaidFeesYuan, relatedCompanies, pledgeSignedOn, registeredElsewhere, needsConfirmation);
    }
}
