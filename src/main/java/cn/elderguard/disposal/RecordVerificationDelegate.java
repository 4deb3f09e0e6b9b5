package cn.elderguard.disposal;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.institution.InstitutionService;
import cn.elderguard.institution.LegalForm;
import cn.elderguard.lead.CaseFile;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.lead.LeadFeedback;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.Now;
import cn.elderguard.engine.Variables;

/**
 * Task_RecordVerification: stores what the verifying officer found (EG_VERIFICATION), updates the
 * institution, tells tipsters that their lead was verified, and normalises the optional facts so that
 * the model's gateways and the rating can test them (facts the form hid take their neutral value,
 * {@link Verification#normalise}).
 */
@ModelBean("recordVerification")
class RecordVerificationDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final InstitutionService institutions;
    private final LeadFeedback feedback;

    RecordVerificationDelegate(JdbcClient jdbc, CaseRepository cases, InstitutionService institutions, LeadFeedback feedback) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.institutions = institutions;
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // A fact the form hid was not submitted: it takes its neutral value before anything reads it.
        Verification.normalise(execution);
        long caseId = CaseKeys.caseId(execution);
        CaseFile caseFile = cases.byId(caseId).orElseThrow();
        boolean registered = Variables.flag(execution, DisposalVariables.REGISTERED);
        String legalForm = Variables.text(execution, DisposalVariables.LEGAL_FORM);
        String elsewhere = Variables.text(execution, DisposalVariables.REGISTERED_ELSEWHERE);
        jdbc.sql("INSERT INTO EG_VERIFICATION (CASE_ID, VERIFIED_AT, VERIFIED_BY, REGISTERED, LEGAL_FORM, PREPAID_FEES_YUAN,"
                + " PREPAID_FEES_USE, ASSETS_YUAN, LIABILITIES_YUAN, OPERATION_STABLE, COLLAPSED, BRANCHES_OPENED_12M, CHANGES_24M,"
                + " PRINCIPAL_PROSECUTED, COMPLAINTS, BLACKLISTED, PROMISED_RETURNS, PUBLIC_OPINION_EVENT, SUSPECTED_CRIME,"
                + " RESIDENTS_HOUSED, PEOPLE_INVOLVED, EXPOSURE_YUAN, PUBLIC_OPINION_HEAT, STABILITY_HAZARD, REGISTERED_ELSEWHERE, NOTES)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(caseId, Now.timestamp(), CurrentUser.actorId().orElse(null),
                registered, legalForm, Variables.decimal(execution, "prepaidFeesYuan"), Variables.text(execution, "prepaidFeesUse"),
                Variables.decimal(execution, "assetsYuan"), Variables.decimal(execution, "liabilitiesYuan"),
                Variables.flag(execution, "operationStable"), Variables.flag(execution, "collapsed"),
                Variables.integer(execution, "branchesOpened12m"), Variables.integer(execution, "representativeOrAddressChanges24m"),
                Variables.flag(execution, "principalProsecuted"), Variables.integer(execution, "complaints"),
                Variables.flag(execution, "blacklisted"), Variables.flag(execution, "promisedReturns"),
                Variables.flag(execution, "publicOpinionEvent"), Variables.flag(execution, "suspectedCrime"),
                Variables.integer(execution, DisposalVariables.RESIDENTS_HOUSED), Variables.integer(execution, DisposalVariables.PEOPLE_INVOLVED),
                Variables.decimal(execution, "exposureYuan"), Variables.text(execution, "publicOpinionHeat"),
                Variables.flag(execution, "stabilityHazard"), elsewhere, Variables.text(execution, "notes"))
            .update();
        institutions.applyVerification(caseFile.institutionId(), registered, legalForm == null ? null : LegalForm.valueOf(legalForm),
            Variables.decimal(execution, "prepaidFeesYuan"), Variables.integer(execution, DisposalVariables.RESIDENTS_HOUSED),
            elsewhere == null ? null : RegionCode.of(elsewhere));
        // Only the status and its fixed text: the officer's proposed text waits for the leader's sign-off.
        feedback.verified(caseId);

        execution.setVariable(DisposalVariables.REGISTERED, registered);
        execution.setVariable(DisposalVariables.REGISTERED_ELSEWHERE, elsewhere);
        if (!execution.hasVariable(DisposalVariables.CROSS_REGION_NOTIFIED)) {
            execution.setVariable(DisposalVariables.CROSS_REGION_NOTIFIED, false);
        }
        for (String count : new String[] {DisposalVariables.RESIDENTS_HOUSED, DisposalVariables.PEOPLE_INVOLVED}) {
            if (Variables.integer(execution, count) == null) {
                execution.setVariable(count, 0);
            }
        }
    }
}
