package cn.elderguard.admin;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a model that cannot be deployed into a start-up report that names the file, not a stack trace. */
class ModelDeploymentFailureAnalyzer extends AbstractFailureAnalyzer<ModelDeploymentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModelDeploymentException cause) {
        return new FailureAnalysis(cause.getMessage(),
            "Fix the file in Camunda Modeler (or restore its last good version) and start again.", cause);
    }
}
