package cn.elderguard.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every name the models (bpmn/*.bpmn, bpmn/*.dmn) and forms (forms/*.form) give to something code may refer to:
 * process and decision keys, element ids, form ids, form field keys, decision inputs and outputs, the variables and
 * beans expressions name, result variables and the variables passed to called processes. Plain file reading, no
 * engine; names of two characters or fewer and {@code true}/{@code false} are left out.
 */
public final class ModelNames {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Elements whose ids Modeler does not show or code never names: diagram shapes, decision-table internals. */
    private static final Set<String> UNNAMED = Set.of("definitions", "inputEntry", "outputEntry", "rule", "input", "output",
        "inputExpression", "decisionTable", "text", "literalExpression", "documentation");
    /** Camunda attributes whose value is a name (or an expression naming one). */
    private static final Set<String> NAMING_ATTRIBUTES = Set.of("formRef", "decisionRef", "resultVariable", "collection",
        "elementVariable", "source", "target", "delegateExpression", "expression");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    /** Identifiers in an expression, outside its quoted strings, not after a dot (a property or method). */
    private static final Pattern IDENTIFIER = Pattern.compile("'[^']*'|\"[^\"]*\"|(?<![.\\w])([A-Za-z_]\\w*)");
    /** EL's keywords and the objects the engine puts into every expression (admin/ExpressionCheck). */
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt",
        "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "externalTask", "caseExecution");

    private final Set<String> names = new TreeSet<>();

    private ModelNames() {
    }

    /** The names of the shipped models and forms, read from the working directory (the repository root). */
    public static Set<String> shipped() {
        return of(Path.of("bpmn"), Path.of("forms"));
    }

    public static Set<String> of(Path models, Path forms) {
        ModelNames found = new ModelNames();
        for (Path file : files(models)) {
            if (file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn")) {
                found.model(file);
            }
        }
        for (Path file : files(forms)) {
            if (file.toString().endsWith(".form")) {
                found.form(file);
            }
        }
        found.names.removeIf(name -> name.length() <= 2 || KEYWORDS.contains(name));
        return found.names;
    }

    private void model(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            element(factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private void element(Element element) {
        String tag = element.getLocalName();
        String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        boolean diagram = namespace.contains("/DI") || namespace.contains("/DC") || namespace.contains("DMNDI");
        if (!diagram && element.hasAttribute("id") && !UNNAMED.contains(tag)) {
            names.add(element.getAttribute("id"));
        }
        if ("output".equals(tag) && element.hasAttribute("name")) {
            names.add(element.getAttribute("name"));
        }
        if ("calledElement".equals(tag) || element.hasAttribute("calledElement")) {
            names.add(element.getAttribute("calledElement"));
        }
        if ("text".equals(tag) && element.getParentNode() instanceof Element parent && "inputExpression".equals(parent.getLocalName())) {
            identifiers(element.getTextContent());
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI()) || attribute.getNamespaceURI() == null && CAMUNDA.equals(namespace);
            if (camunda && NAMING_ATTRIBUTES.contains(name) && !attribute.getValue().contains("{")) {
                names.add(attribute.getValue());
            }
            expressions(attribute.getValue());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                element(childElement);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions(child.getNodeValue());
            }
        }
    }

    private void expressions(String text) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            identifiers(expression.group(1));
        }
    }

    private void identifiers(String expression) {
        Matcher identifier = IDENTIFIER.matcher(expression);
        while (identifier.find()) {
            if (identifier.group(1) != null) {
                names.add(identifier.group(1));
            }
        }
    }

    private void form(Path file) {
        try {
            JsonNode form = new ObjectMapper().readTree(Files.readString(file));
            names.add(form.path("id").asText());
            keys(form.path("components"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keys(JsonNode node) {
        if (node.isObject()) {
            if (node.hasNonNull("key")) {
                names.add(node.get("key").asText());
            }
            node.forEach(this::keys);
        } else if (node.isArray()) {
            node.forEach(this::keys);
        }
    }

    private static java.util.List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
