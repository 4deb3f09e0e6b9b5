package cn.elderguard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our zh.json files must carry every key of the English files in the Camunda webjar on the classpath,
 * so an engine upgrade that adds labels fails here instead of showing English to officers.
 */
class WebappLocaleTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]*)\\s*}}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    /** Words that may stay in Latin letters: technical names the officers see as such. */
    private static final Set<String> TECHNICAL = Set.of("BPMN", "DMN", "CMMN", "ID", "URL", "JSON", "XML", "REST", "API",
        "LDAP", "CSV", "OK", "UUID", "HTML", "CSS", "JS", "Java", "Camunda", "FEEL", "JUEL", "SQL", "HTTP", "HTTPS",
        "Spin", "Groovy", "JavaScript", "Python", "Ruby", "null", "true", "false", "e", "g", "Cockpit", "Tasklist", "Admin");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void chineseHasExactlyTheKeysOfTheWebjarsEnglish(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(app, "en"));
        Map<String, JsonNode> chinese = flatten(read(app, "zh"));

        assertThat(new TreeSet<>(chinese.keySet()))
            .as("keys of %s/locales/zh.json compared with the webjar's en.json", app)
            .containsExactlyElementsOf(new TreeSet<>(english.keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void everyLabelIsChineseAndKeepsPlaceholdersAndMarkup(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(app, "en"));
        Map<String, JsonNode> chinese = flatten(read(app, "zh"));
        List<String> problems = new ArrayList<>();

        english.forEach((key, en) -> {
            JsonNode zh = chinese.get(key);
            if (zh == null || !en.isTextual()) {
                return;
            }
            if (!tokens(PLACEHOLDER, en.asText()).equals(tokens(PLACEHOLDER, zh.asText()))) {
                problems.add(key + ": placeholders differ");
            }
            if (key.startsWith("dateLocales.")) {
                return; // moment.js tokens such as "LT" or "%d", checked by the placeholder rule only
            }
            if (!tokens(HTML_TAG, en.asText()).equals(tokens(HTML_TAG, zh.asText()))) {
                problems.add(key + ": markup differs");
            }
            if (!CJK.matcher(zh.asText()).find() && !onlyTechnical(en.asText())) {
                problems.add(key + ": still English: " + zh.asText());
            }
        });

        assertThat(problems).as("labels of %s/locales/zh.json", app).isEmpty();
    }

    private static boolean onlyTechnical(String english) {
        Matcher words = WORD.matcher(HTML_TAG.matcher(PLACEHOLDER.matcher(english).replaceAll("")).replaceAll(""));
        while (words.find()) {
            if (!TECHNICAL.contains(words.group())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokens(Pattern pattern, String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group().replaceAll("\\s", ""));
        }
        tokens.sort(null);
        return tokens;
    }

    private JsonNode read(String app, String locale) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            // Camunda's files start with a byte order mark, which Jackson does not accept.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\\uFEFF", "");
            return json.readTree(text);
        }
    }

    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix + field.getKey() + ".", field.getValue(), flat);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), flat);
            }
        } else {
            flat.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }
}
