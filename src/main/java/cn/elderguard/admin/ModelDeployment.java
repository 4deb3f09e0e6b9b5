package cn.elderguard.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deploys every BPMN, DMN and form file as ONE deployment on start-up.
 *
 * <p>One deployment, because a task's {@code camunda:formRef} with binding {@code deployment} only finds
 * forms deployed together with its process. Duplicate filtering without "changed only" means: nothing
 * changed → no deployment; anything changed → the whole set again (see docs/decisions/002).
 */
@Component
class ModelDeployment implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
    static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".dmn", ".form");

    private final ProcessEngine engine;
    private final ModelProperties properties;
    private final ObjectMapper json;
    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    /** A plain DMN engine, only to parse: the process engine's own needs a command context. */
    private final DmnEngine decisionParser = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    ModelDeployment(ProcessEngine engine, ModelProperties properties, ObjectMapper json) {
        this.engine = engine;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deploy();
    }

    /** Deploys the files if any of them changed since the last deployment of the same name. */
    DeploymentWithDefinitions deploy() {
        Map<String, ModelFile> files = collectFiles();
        files.values().forEach(this::checkReadable);

        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
            .name(properties.deploymentName())
            .source(properties.deploymentName())
            .enableDuplicateFiltering(false);
        files.forEach((name, file) -> builder.addInputStream(name, new ByteArrayInputStream(file.content())));
        try {
            DeploymentWithDefinitions deployment = builder.deployWithResult();
            if (deployment.getDeployedProcessDefinitions() == null && deployment.getDeployedDecisionDefinitions() == null) {
                log.info("Models unchanged, no new deployment ({} files)", files.size());
            } else {
                log.info("Deployed {} model files as deployment {}", files.size(), deployment.getId());
            }
            return deployment;
        } catch (ParseException e) {
            throw new ModelDeploymentException(describe(e, files), e);
        }
    }

    private Map<String, ModelFile> collectFiles() {
        Map<String, ModelFile> files = new TreeMap<>();
        for (String location : properties.locations()) {
            for (Resource root : resources(location)) {
                String rootUrl = url(root);
                for (String suffix : MODEL_SUFFIXES) {
                    for (Resource resource : resources(rootUrl + "**/*" + suffix)) {
                        String fileUrl = url(resource);
                        String name = fileUrl.substring(rootUrl.length());
                        ModelFile previous = files.put(name, new ModelFile(name, fileUrl, read(resource)));
                        if (previous != null && !previous.url().equals(fileUrl)) {
                            throw new ModelDeploymentException("Two model files are both named " + name + ": "
                                + previous.url() + " and " + fileUrl + "; rename one of them");
                        }
                    }
                }
            }
        }
        if (files.isEmpty()) {
            throw new ModelDeploymentException("No model files found under " + properties.locations());
        }
        return files;
    }

    /**
     * Forms and decision tables are checked here because the engine reports their errors without the
     * file name; BPMN errors arrive as a {@link ParseException} that names the resource.
     */
    private void checkReadable(ModelFile file) {
        if (file.name().endsWith(".form")) {
            checkForm(file);
        } else if (file.name().endsWith(".dmn")) {
            try {
                decisionParser.parseDecisionRequirementsGraph(new ByteArrayInputStream(file.content()));
            } catch (RuntimeException e) {
                throw new ModelDeploymentException(file.url() + " is not a valid decision table: " + messages(e), e);
            }
        }
    }

    private void checkForm(ModelFile file) {
        JsonNode form;
        try {
            form = json.readTree(file.content());
        } catch (JacksonException e) {
            throw new ModelDeploymentException(file.url() + " is not valid JSON: " + e.getOriginalMessage()
                + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (form == null || !form.path("id").isTextual() || !form.path("components").isArray()) {
            throw new ModelDeploymentException(file.url()
                + " is not a Camunda Form: it needs a text \"id\" and a \"components\" list");
        }
        // Tasklist's form renderer refuses a form whose component ids repeat, so the officer would see
        // an error instead of the form; catch it here, where the file name is known.
        checkUniqueIds(file, form.path("components"), new HashSet<>());
    }

    private static void checkUniqueIds(ModelFile file, JsonNode components, Set<String> ids) {
        for (JsonNode component : components) {
            String id = component.path("id").asText(null);
            if (id != null && !ids.add(id)) {
                throw new ModelDeploymentException(file.url() + " cannot be deployed: the component id \""
                    + id + "\" is used more than once; every component of a form needs its own id");
            }
            checkUniqueIds(file, component.path("components"), ids);
        }
    }

    private static String describe(ParseException e, Map<String, ModelFile> files) {
        List<ResourceReport> reports = e.getResorceReports();
        if (reports == null || reports.isEmpty()) {
            return "Model deployment failed: " + e.getMessage();
        }
        return reports.stream()
            .filter(report -> !report.getErrors().isEmpty())
            .map(report -> {
                ModelFile file = files.get(report.getResourceName());
                String where = file != null ? file.url() : report.getResourceName();
                return where + " cannot be deployed: " + report.getErrors().stream()
                    .map(ModelDeployment::describe)
                    .collect(Collectors.joining("; "));
            })
            .collect(Collectors.joining(System.lineSeparator()));
    }

    /** A parser problem with its position; the deployment gate's problems have an element but no position. */
    private static String describe(Problem problem) {
        List<String> where = new ArrayList<>();
        if (problem.getLine() > 0) {
            where.add("line " + problem.getLine() + ", column " + problem.getColumn());
        }
        if (problem.getMainElementId() != null) {
            where.add("element " + problem.getMainElementId());
        }
        return problem.getMessage() + (where.isEmpty() ? "" : " (" + String.join(", ", where) + ")");
    }

    /** The engine wraps the parser's message (line, column, cause) in its own; show both. */
    private static String messages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !messages.contains(t.getMessage())) {
                messages.add(t.getMessage());
            }
        }
        return String.join(": ", messages);
    }

    private Resource[] resources(String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new ModelDeploymentException("Cannot list model files at " + pattern + ": " + e.getMessage(), e);
        }
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelDeploymentException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private record ModelFile(String name, String url, byte[] content) {
    }
}
