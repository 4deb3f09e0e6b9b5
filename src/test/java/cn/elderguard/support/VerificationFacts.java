package cn.elderguard.support;

import java.math.BigDecimal;
import java.util.Map;

import cn.elderguard.disposal.VerifiedFacts;

/** What a verifying officer submits in the VerifyLead form; tests change single facts. */
public final class VerificationFacts {

    private VerificationFacts() {
    }

    /** A registered institution with nothing wrong: rated green. */
    public static Map<String, Object> registeredAndClean() {
        return new VerifiedFacts(
            true, "PRIVATE_NON_ENTERPRISE",             // registered, legalForm
            BigDecimal.ZERO, "NONE",                    // prepaidFeesYuan, prepaidFeesUse
            BigDecimal.valueOf(2_000_000), BigDecimal.valueOf(500_000), // assetsYuan, liabilitiesYuan
            true, false,                                // operationStable, collapsed
            0, 0,                                       // branchesOpened12m, representativeOrAddressChanges24m
            false, 0, false, false, false, false,       // principalProsecuted, complaints, blacklisted, promisedReturns,
                                                        // publicOpinionEvent, suspectedCrime
            20, 0, BigDecimal.ZERO, "NONE", false,      // residentsHoused, peopleInvolved, exposureYuan, publicOpinionHeat,
                                                        // stabilityHazard
            null, "实地核查，经营正常")                     // registeredElsewhere, notes
            .toVariables();
    }

    /** The clean facts with some changed: names (LeadDisposalProcess.VAR_…) and values alternating. */
    public static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> facts = registeredAndClean();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            facts.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return facts;
    }
}
