package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Text that came from outside (a tipster, another system, an officer) is never turned into markup
 * (docs/forms.md): forms show values only in disabled fields, never through a text view's template,
 * and ElderGuard's own pages put data into the page only as text.
 */
class OutsideTextAsPlainTextTest {

    /** form-js renders these through Markdown/HTML ("text" of a text view, "content" of an html view). */
    private static final Set<String> MARKUP_PROPERTIES = Set.of("text", "content");
    /** Values the forms show but the officer does not enter. */
    private static final Set<String> DISPLAY_ONLY_KEYS = Set.of("institutionName", "riskExplanation");
    private static final Pattern MARKUP_SINKS = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\.html\\(");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noFormPutsAValueIntoATemplate() throws IOException {
        List<String> templated = new ArrayList<>();
        for (Path form : forms()) {
            for (JsonNode component : components(json.readTree(form.toFile()))) {
                component.properties().forEach(property -> {
                    if (property.getValue().isTextual()) {
                        String value = property.getValue().asText();
                        boolean template = value.contains("{{")
                            || (MARKUP_PROPERTIES.contains(property.getKey()) && value.startsWith("="));
                        if (template) {
                            templated.add(form.getFileName() + " " + component.path("id").asText() + "." + property.getKey() + ": " + value);
                        }
                    }
                });
            }
        }
        assertThat(templated).as("values shown through a template (rendered as Markdown/HTML)").isEmpty();
    }

    @Test
    void displayOnlyValuesSitInDisabledFieldsWhichTheFormDoesNotSubmit() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path form : forms()) {
            for (JsonNode component : components(json.readTree(form.toFile()))) {
                if (component.path("readonly").asBoolean(false) || component.path("readonly").isTextual()) {
                    // form-js submits read-only fields; only disabled ones stay out of the submission.
                    wrong.add(form.getFileName() + " " + component.path("id").asText() + " is readonly, not disabled");
                }
                if (DISPLAY_ONLY_KEYS.contains(component.path("key").asText()) && !component.path("disabled").asBoolean(false)) {
                    wrong.add(form.getFileName() + " " + component.path("id").asText() + " can be edited");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pagesPutDataIntoThePageOnlyAsText() throws IOException {
        List<String> sinks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (MARKUP_SINKS.matcher(lines.get(i)).find()) {
                        sinks.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(sinks).as("pages must use textContent / createElement, never parse data as HTML").isEmpty();
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
            assertThat(forms).isNotEmpty();
            return forms;
        }
    }

    private static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }
}
