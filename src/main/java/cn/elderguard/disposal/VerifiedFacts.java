package cn.elderguard.disposal;

import static cn.elderguard.lead.LeadDisposalProcess.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.engine.Variables;

/**
 * What a verifying officer found (form VerifyLead), one row of EG_VERIFICATION: the one place that maps the facts to
 * their variables. Task_RecordVerification stores it, {@link Verification} checks it for contradictions, and tests
 * submit it ({@link #toVariables()}). Amounts are in yuan; a fact the form hid is null until {@link Verification#normalise}.
 */
public record VerifiedFacts(boolean registered, String legalForm, BigDecimal prepaidFeesYuan, String prepaidFeesUse,
                            BigDecimal assetsYuan, BigDecimal liabilitiesYuan, boolean operationStable, boolean collapsed,
                            Integer branchesOpened12m, Integer representativeOrAddressChanges24m, boolean principalProsecuted,
                            Integer complaints, boolean blacklisted, boolean promisedReturns, boolean publicOpinionEvent,
                            boolean suspectedCrime, Integer residentsHoused, Integer peopleInvolved, BigDecimal exposureYuan,
                            String publicOpinionHeat, boolean stabilityHazard, String registeredElsewhere, String notes) {

    /** The facts as the process holds them; a number that is not one fails (the form's checks let none through). */
    public static VerifiedFacts of(VariableScope scope) {
        return read(scope, Variables::decimal, Variables::integer);
    }

    /**
     * The facts as submitted, before the form's single-field checks have spoken: a number that is not one reads as
     * absent, since "须为数字" is that check's finding, not a contradiction.
     */
    static VerifiedFacts asSubmitted(VariableScope scope) {
        return read(scope, lenient(Variables::decimal), lenient(Variables::integer));
    }

    private static VerifiedFacts read(VariableScope scope, BiFunction<VariableScope, String, BigDecimal> decimal,
                                      BiFunction<VariableScope, String, Integer> integer) {
        return new VerifiedFacts(Variables.flag(scope, VAR_REGISTERED), Variables.text(scope, VAR_LEGAL_FORM),
            decimal.apply(scope, VAR_PREPAID_FEES_YUAN), Variables.text(scope, VAR_PREPAID_FEES_USE),
            decimal.apply(scope, VAR_ASSETS_YUAN), decimal.apply(scope, VAR_LIABILITIES_YUAN),
            Variables.flag(scope, VAR_OPERATION_STABLE), Variables.flag(scope, VAR_COLLAPSED),
            integer.apply(scope, VAR_BRANCHES_OPENED_12M), integer.apply(scope, VAR_REPRESENTATIVE_OR_ADDRESS_CHANGES_24M),
            Variables.flag(scope, VAR_PRINCIPAL_PROSECUTED), integer.apply(scope, VAR_COMPLAINTS),
            Variables.flag(scope, VAR_BLACKLISTED), Variables.flag(scope, VAR_PROMISED_RETURNS),
            Variables.flag(scope, VAR_PUBLIC_OPINION_EVENT), Variables.flag(scope, VAR_SUSPECTED_CRIME),
            integer.apply(scope, VAR_RESIDENTS_HOUSED), integer.apply(scope, VAR_PEOPLE_INVOLVED),
            decimal.apply(scope, VAR_EXPOSURE_YUAN), Variables.text(scope, VAR_PUBLIC_OPINION_HEAT),
            Variables.flag(scope, VAR_STABILITY_HAZARD), Variables.text(scope, VAR_REGISTERED_ELSEWHERE),
            Variables.text(scope, CaseProcessNames.VAR_NOTES));
    }

    /**
     * The variables a completed VerifyLead form holds: every fact by its name, numbers as the form sends them (whole
     * numbers as Long, others as Double), a fact without a value left out like a hidden or empty field.
     */
    public Map<String, Object> toVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        put(variables, VAR_REGISTERED, registered);
        put(variables, VAR_LEGAL_FORM, legalForm);
        put(variables, VAR_PREPAID_FEES_YUAN, prepaidFeesYuan);
        put(variables, VAR_PREPAID_FEES_USE, prepaidFeesUse);
        put(variables, VAR_ASSETS_YUAN, assetsYuan);
        put(variables, VAR_LIABILITIES_YUAN, liabilitiesYuan);
        put(variables, VAR_OPERATION_STABLE, operationStable);
        put(variables, VAR_COLLAPSED, collapsed);
        put(variables, VAR_BRANCHES_OPENED_12M, branchesOpened12m);
        put(variables, VAR_REPRESENTATIVE_OR_ADDRESS_CHANGES_24M, representativeOrAddressChanges24m);
        put(variables, VAR_PRINCIPAL_PROSECUTED, principalProsecuted);
        put(variables, VAR_COMPLAINTS, complaints);
        put(variables, VAR_BLACKLISTED, blacklisted);
        put(variables, VAR_PROMISED_RETURNS, promisedReturns);
        put(variables, VAR_PUBLIC_OPINION_EVENT, publicOpinionEvent);
        put(variables, VAR_SUSPECTED_CRIME, suspectedCrime);
        put(variables, VAR_RESIDENTS_HOUSED, residentsHoused);
        put(variables, VAR_PEOPLE_INVOLVED, peopleInvolved);
        put(variables, VAR_EXPOSURE_YUAN, exposureYuan);
        put(variables, VAR_PUBLIC_OPINION_HEAT, publicOpinionHeat);
        put(variables, VAR_STABILITY_HAZARD, stabilityHazard);
        put(variables, VAR_REGISTERED_ELSEWHERE, registeredElsewhere);
        put(variables, CaseProcessNames.VAR_NOTES, notes);
        return variables;
    }

    private static void put(Map<String, Object> variables, String name, Object value) {
        if (value instanceof BigDecimal amount) {
            value = amount.stripTrailingZeros().scale() <= 0 ? (Object) amount.longValueExact() : (Object) amount.doubleValue();
        } else if (value instanceof Integer count) {
            value = count.longValue();
        }
        if (value != null) {
            variables.put(name, value);
        }
    }

    private static <T> BiFunction<VariableScope, String, T> lenient(BiFunction<VariableScope, String, T> read) {
        return (scope, name) -> {
            try {
                return read.apply(scope, name);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        };
    }
}
