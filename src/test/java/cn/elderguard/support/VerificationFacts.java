package cn.elderguard.support;

import java.util.HashMap;
import java.util.Map;

/** What a verifying officer submits in the VerifyLead form; tests change single facts. */
public final class VerificationFacts {

    private VerificationFacts() {
    }

    /** A registered institution with nothing wrong: rated green. */
    public static Map<String, Object> registeredAndClean() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("registered", true);
        facts.put("legalForm", "PRIVATE_NON_ENTERPRISE");
        facts.put("prepaidFeesYuan", 0L);
        facts.put("prepaidFeesUse", "NONE");
        facts.put("assetsYuan", 2_000_000L);
        facts.put("liabilitiesYuan", 500_000L);
        facts.put("operationStable", true);
        facts.put("collapsed", false);
        facts.put("branchesOpened12m", 0L);
        facts.put("representativeOrAddressChanges24m", 0L);
        facts.put("principalProsecuted", false);
        facts.put("complaints", 0L);
        facts.put("blacklisted", false);
        facts.put("promisedReturns", false);
        facts.put("publicOpinionEvent", false);
        facts.put("suspectedCrime", false);
        facts.put("residentsHoused", 20L);
        facts.put("peopleInvolved", 0L);
        facts.put("exposureYuan", 0L);
        facts.put("publicOpinionHeat", "NONE");
        facts.put("stabilityHazard", false);
        facts.put("notes", "实地核查，经营正常");
        return facts;
    }

    public static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> facts = registeredAndClean();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            facts.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return facts;
    }
}
