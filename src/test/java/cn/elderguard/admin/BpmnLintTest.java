package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * bpmnlint with ElderGuard's rules (docs/modeler.md, "The rule list"), run exactly as the build runs it:
 * the shipped models pass, and each broken fixture under src/test/resources/bpmnlint/&lt;rule id&gt;/&lt;element
 * id&gt;.bpmn fails naming that rule and that element. Node.js missing is a failure, not a skip: CI installs it
 * (.ci/run); only {@value #SKIP} (which also skips the build's lint) skips these tests.
 */
class BpmnLintTest {

    static final String SKIP = "bpmnlint.skip";
    static final String PLUGIN = "bpmnlint-plugin-elderguard";
    static final Path FIXTURES = Path.of("src/test/resources/bpmnlint");
    static final Path BPMNLINT = Path.of("node_modules/.bin/bpmnlint");

    record Run(int exitCode, String output) {
    }

    /** One line of bpmnlint's report: element id, category, message, rule. */
    record Problem(String elementId, String category, String message, String rule) {
    }

    @BeforeAll
    static void nodeAndTheInstalledLinter() {
        if (Boolean.getBoolean(SKIP)) {
            return;
        }
        Run node = run(List.of("node", "--version"));
        assertThat(node.exitCode()).as("node --version: %s", node.output()).isZero();
        assertThat(BPMNLINT).as("bpmnlint is installed: run npm ci (./mvnw runs it before the tests)").exists();
        assertThat(Path.of("node_modules", PLUGIN, "index.js")).as("the plugin is installed: run npm ci").exists();
    }

    @BeforeEach
    void notSkipped() {
        assumeFalse(Boolean.getBoolean(SKIP), "-D" + SKIP + " is set: the build's bpmnlint and these tests are skipped");
    }

    @Test
    void theShippedModelsPass() {
        Run lint = run(List.of("npm", "run", "--silent", "lint:bpmn"));

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(problems(lint.output())).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenFixtureFailsNamingItsRuleAndElement() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            fixtures = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(fixtures).isNotEmpty();
        return fixtures.stream().map(fixture -> {
            String rule = PLUGIN.replace("bpmnlint-plugin-", "") + "/" + fixture.getParent().getFileName();
            String elementId = fixture.getFileName().toString().replaceFirst("\\.bpmn$", "");
            return DynamicTest.dynamicTest(rule + " " + elementId, () -> {
                Run lint = run(List.of(BPMNLINT.toString(), fixture.toString()));

                assertThat(lint.exitCode()).as(lint.output()).isNotZero();
                List<Problem> errors = problems(lint.output()).stream().filter(p -> p.category().equals("error")).toList();
                assertThat(errors).as(lint.output()).isNotEmpty().allSatisfy(error -> {
                    assertThat(error.rule()).isEqualTo(rule);
                    assertThat(error.elementId()).isEqualTo(elementId);
                    // One line, Chinese then English, naming the element.
                    assertThat(error.message()).matches("\\p{IsHan}.* / [A-Za-z].*").contains(elementId);
                });
            });
        });
    }

    @Test
    void everyRuleHasABrokenFixtureAndIsOnByDefault() throws IOException {
        Set<String> fixtureRules = new TreeSet<>();
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            folders.filter(Files::isDirectory).forEach(folder -> fixtureRules.add(folder.getFileName().toString()));
        }
        Set<String> pluginRules = pluginRules();

        assertThat(fixtureRules).isEqualTo(pluginRules);
        assertThat(lines(node("Object.keys(require('" + PLUGIN + "').configs.recommended.rules).join('\\n')")))
            .containsExactlyInAnyOrderElementsOf(pluginRules);
        JsonNode config = new ObjectMapper().readTree(Files.readString(Path.of(".bpmnlintrc"), StandardCharsets.UTF_8));
        assertThat(config.get("extends")).extracting(JsonNode::asText).contains("plugin:elderguard/recommended");
    }

    @Test
    void theRulesAreTheBpmnlintRowsOfTheOneRuleList() throws IOException {
        assertThat(pluginRules()).isEqualTo(ModelRuleTable.read().bpmnlintIds());
    }

    static Set<String> pluginRules() {
        return new TreeSet<>(lines(node("Object.keys(require('" + PLUGIN + "').rules).join('\\n')")));
    }

    static String node(String script) {
        Run run = run(List.of("node", "-e", "console.log(" + script + ")"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output();
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The problem lines of bpmnlint's table (columns separated by two or more spaces). */
    static List<Problem> problems(String output) {
        List<Problem> problems = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] columns = line.strip().split("\\s{2,}");
            if (line.startsWith("  ") && columns.length == 4) {
                problems.add(new Problem(columns[0], columns[1], columns[2], columns[3]));
            }
        }
        return problems;
    }

    static Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("%s did not finish", command);
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " cannot run (" + e.getMessage() + "): install Node.js and npm "
                + "(.ci/run does) or build with -D" + SKIP, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
