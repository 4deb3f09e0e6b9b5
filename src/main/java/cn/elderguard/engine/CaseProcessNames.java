package cn.elderguard.engine;

/**
 * Names every case process (LeadDisposal and the processes it calls) shares with the engine-wide code of the modules
 * listed before {@code lead} in docs/architecture.md, which may not refer to a process's backing class: the variables
 * each case carries for routing, the task list, mail and the timeline, and the bean every user task names for its
 * routing. The backing classes (lead/LeadDisposalProcess, lead/CaseHandOverProcess) refer to these; ModelContractTest
 * keeps them in step with the models.
 */
public final class CaseProcessNames {

    /** The region code a task is routed to (set at start, passed to called processes). */
    public static final String VAR_JURISDICTION = "jurisdiction";
    /** The sector agency found at intake, to which a task goes unless the model names another. */
    public static final String VAR_RESPONSIBLE_AGENCY = "responsibleAgency";
    /** The institution's name: shown in forms and the task list, kept with each deadline for mail. */
    public static final String VAR_INSTITUTION_NAME = "institutionName";
    /** What the officer noted on completing a task (every form has the field); the timeline keeps it. */
    public static final String VAR_NOTES = "notes";
    /** What a measure task reports as paid back, in yuan, and to how many people (a refund tranche); the timeline keeps it. */
    public static final String VAR_TRANCHE_AMOUNT_YUAN = "trancheAmountYuan";
    public static final String VAR_TRANCHE_PEOPLE = "tranchePeople";

    /** organisation/RouteToUnitListener, the create listener of every user task. */
    public static final String BEAN_ROUTE_TO_UNIT = "routeToUnit";

    private CaseProcessNames() {
    }
}
