package cn.elderguard.disposal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import cn.elderguard.lead.CaseRepository;

/**
 * Create listener of one measure task (a user task whose model names a {@code measure}, e.g. Task_OrderRefund
 * with {@code REFUND_ORDER}): the task's measure becomes its case's measure under way, which the case lists and
 * the case page show (docs/decisions/018). Put on the task by {@link MeasureUnderWayPlugin} when the model is
 * parsed, so tasks without a measure, such as the first task at intake, pay nothing.
 */
class MeasureUnderWay implements TaskListener {

    private final String measure;
    private final Supplier<CaseRepository> cases;

    MeasureUnderWay(String measure, Supplier<CaseRepository> cases) {
        this.measure = measure;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        Long caseId = caseIdOf(task);
        if (caseId != null) {
            // Cut to the columns' sizes: a long name given in Modeler must not stop the task from being created.
            cases.get().measureBegun(caseId, cut(measure, 64), cut(task.getName(), 200));
        }
    }

    private static String cut(String text, int length) {
        return text != null && text.length() > length ? text.substring(0, length) : text;
    }

    /** The case is the business key of every process a case runs (LeadDisposal and what it calls); others have none. */
    private static Long caseIdOf(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
