package cn.elderguard.engine;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener that belongs on every user task of every model, including models deployed later from
 * Camunda Modeler, so that no model can forget it (authorization grants, server-side form checks, the
 * case timeline). {@link UserTaskListenersPlugin} adds each such bean; the model's own listeners run first.
 */
public interface UserTaskListener extends TaskListener {

    /** {@link TaskListener#EVENTNAME_CREATE}, {@link TaskListener#EVENTNAME_COMPLETE}… */
    String event();

    /** Listeners of one event run in this order, lowest first. */
    default int order() {
        return 0;
    }
}
