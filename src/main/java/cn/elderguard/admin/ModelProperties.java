package cn.elderguard.admin;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the models come from and how their deployment is named.
 *
 * @param locations       Spring resource locations of folders; every .bpmn, .dmn and .form below them
 *                        is deployed, named by its path relative to the folder
 * @param deploymentName  the name that duplicate filtering compares against, so it must stay stable
 * @param scriptLanguages script languages models may use (script tasks, camunda:script, script conditions, DMN
 *                        expressions), e.g. {@code groovy}; none by default (rule no-scripts, docs/decisions/024)
 */
@ConfigurationProperties("elderguard.models")
public record ModelProperties(List<String> locations, String deploymentName, @DefaultValue List<String> scriptLanguages) {
}
