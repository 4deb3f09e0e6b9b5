package cn.elderguard.admin;

import java.util.Map;

/**
 * What a {@link DeploymentRule} may consult besides the file it checks: the other files of the same deployment
 * and the models deployed before it.
 */
public interface DeploymentContext {

    /** Every file of the deployment being checked, by resource name (e.g. {@code LeadDisposal.bpmn}). */
    Map<String, byte[]> resources();

    /** Whether a Camunda Form with this key (its {@code id}) is deployed already, in any version. */
    boolean formDeployed(String formKey);

    /** Whether version {@code version} of the Camunda Form with this key is deployed already. */
    boolean formDeployed(String formKey, int version);

    /** Whether a deployed Camunda Form with this key carries the version tag. */
    boolean formDeployedWithTag(String formKey, String versionTag);

    /** A deployment of these files onto an engine with no forms deployed (rule tests, the build). */
    static DeploymentContext of(Map<String, byte[]> resources) {
        return new DeploymentContext() {
            @Override
            public Map<String, byte[]> resources() {
                return resources;
            }

            @Override
            public boolean formDeployed(String formKey) {
                return false;
            }

            @Override
            public boolean formDeployed(String formKey, int version) {
                return false;
            }

            @Override
            public boolean formDeployedWithTag(String formKey, String versionTag) {
                return false;
            }
        };
    }
}
