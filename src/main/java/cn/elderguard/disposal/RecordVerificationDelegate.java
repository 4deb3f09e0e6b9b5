package cn.elderguard.disposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.elderguard.engine.ModelBean;
import cn.elderguard.engine.Variables;
import cn.elderguard.institution.InstitutionService;
import cn.elderguard.institution.LegalForm;
import cn.elderguard.lead.CaseFile;
import cn.elderguard.lead.CaseRepository;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.lead.LeadFeedback;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.engine.CaseKeys;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.Now;

/**
 * Task_RecordVerification: stores what the verifying officer found (EG_VERIFICATION), updates the
 * institution, tells tipsters that their lead was verified, and normalises the optional facts so that
 * the model's gateways and the rating can test them (facts the form hid take their neutral value,
 * {@link Verification#normalise}).
 */
@ModelBean(LeadDisposalProcess.BEAN_RECORD_VERIFICATION)
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
        VerifiedFacts facts = VerifiedFacts.of(execution);
        jdbc.sql("INSERT INTO EG_VERIFICATION (CASE_ID, VERIFIED_AT, VERIFIED_BY, REGISTERED, LEGAL_FORM, PREPAID_FEES_YUAN,"
                + " PREPAID_FEES_USE, ASSETS_YUAN, LIABILITIES_YUAN, OPERATION_STABLE, COLLAPSED, BRANCHES_OPENED_12M, CHANGES_24M,"
                + " PRINCIPAL_PROSECUTED, COMPLAINTS, BLACKLISTED, PROMISED_RETURNS, PUBLIC_OPINION_EVENT, SUSPECTED_CRIME,"
                + " RESIDENTS_HOUSED, PEOPLE_INVOLVED, EXPOSURE_YUAN, PUBLIC_OPINION_HEAT, STABILITY_HAZARD, REGISTERED_ELSEWHERE, NOTES)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(caseId, Now.timestamp(), CurrentUser.actorId().orElse(null),
                facts.registered(), facts.legalForm(), facts.prepaidFeesYuan(), facts.prepaidFeesUse(),
                facts.assetsYuan(), facts.liabilitiesYuan(), facts.operationStable(), facts.collapsed(),
                facts.branchesOpened12m(), facts.representativeOrAddressChanges24m(), facts.principalProsecuted(), facts.complaints(),
                facts.blacklisted(), facts.promisedReturns(), facts.publicOpinionEvent(), facts.suspectedCrime(),
                facts.residentsHoused(), facts.peopleInvolved(), facts.exposureYuan(), facts.publicOpinionHeat(),
                facts.stabilityHazard(), facts.registeredElsewhere(), facts.notes())
            .update();
        institutions.applyVerification(caseFile.institutionId(), facts.registered(),
            facts.legalForm() == null ? null : LegalForm.valueOf(facts.legalForm()), facts.prepaidFeesYuan(), facts.residentsHoused(),
            facts.registeredElsewhere() == null ? null : RegionCode.of(facts.registeredElsewhere()));
        // Only the status and its fixed text: the officer's proposed text waits for the leader's sign-off.
        feedback.verified(caseId);

        // The leader's sign-off shows these read-only; its own inputs open empty (docs/forms.md).
        execution.setVariable(LeadDisposalProcess.VAR_VERIFICATION_NOTES, facts.notes());
        execution.setVariable(LeadDisposalProcess.VAR_PROPOSED_TIPSTER_FEEDBACK,
            Variables.text(execution, LeadDisposalProcess.VAR_TIPSTER_FEEDBACK));
        execution.setVariable(LeadDisposalProcess.VAR_REGISTERED, facts.registered());
        execution.setVariable(LeadDisposalProcess.VAR_REGISTERED_ELSEWHERE, facts.registeredElsewhere());
        if (!execution.hasVariable(LeadDisposalProcess.VAR_CROSS_REGION_NOTIFIED)) {
            execution.setVariable(LeadDisposalProcess.VAR_CROSS_REGION_NOTIFIED, false);
        }
        // The gateways compare the counts with 0: a count the officer left empty is 0.
        if (facts.residentsHoused() == null) {
            execution.setVariable(LeadDisposalProcess.VAR_RESIDENTS_HOUSED, 0);
        }
        if (facts.peopleInvolved() == null) {
            execution.setVariable(LeadDisposalProcess.VAR_PEOPLE_INVOLVED, 0);
        }
    }
}
