package cn.elderguard.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the {@link DeploymentGate} refused, with every violation per file. It is the engine's own
 * {@link ParseException}, so each door reports it the way it reports a file that does not parse: the engine
 * REST API answers 400 with the problems per file (what Camunda Modeler shows), start-up fails with the file
 * named ({@link ModelDeployment}), and nothing is stored.
 */
public class DeploymentRefusedException extends ParseException {

    DeploymentRefusedException(Map<String, List<DeploymentViolation>> violationsByResource) {
        super(message(violationsByResource), violationsByResource.keySet().iterator().next(),
            List.copyOf(violationsByResource.values().iterator().next()), List.of());
        this.resorceReports = violationsByResource.entrySet().stream()
            .<ResourceReport>map(entry -> new Report(entry.getKey(), List.copyOf(entry.getValue())))
            .toList();
    }

    private static String message(Map<String, List<DeploymentViolation>> violationsByResource) {
        return "部署被拒绝，模型不符合部署规则（未保存任何内容），请在 Camunda Modeler 中改正后重新部署 / Deployment refused:"
            + " the models break ElderGuard's deployment rules (nothing was stored); fix them and deploy again. "
            + violationsByResource.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(violation -> entry.getKey() + "：" + violation.getMessage()))
                .collect(Collectors.joining(" | "));
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
