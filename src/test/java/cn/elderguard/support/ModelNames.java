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

    /**
     * What one BPMN model names, by kind: the variables it reads or sets (expressions, result variables, variables
     * passed to and from called processes), the beans its expressions name, its forms and decisions, and the
     * variables it hands each called process (called process key → names).
     */
    public record Usage(Set<String> variables, Set<String> beans, Set<String> formRefs, Set<String> decisionRefs,
                        java.util.Map<String, Set<String>> passedTo) {
    }

    /** Decision id → the variables its input expressions read, for every decision of a DMN file. */
    public static java.util.Map<String, Set<String>> decisionInputs(Path dmn) {
        java.util.Map<String, Set<String>> inputs = new java.util.TreeMap<>();
        for (Element decision : elements(parse(dmn).getDocumentElement(), "decision")) {
            Set<String> read = new TreeSet<>();
            for (Element expression : elements(decision, "inputExpression")) {
                for (Element text : elements(expression, "text")) {
                    read.addAll(identifiersOf(text.getTextContent()));
                }
            }
            inputs.put(decision.getAttribute("id"), read);
        }
        return inputs;
    }

    /** Decision id → its output names. */
    public static java.util.Map<String, Set<String>> decisionOutputs(Path dmn) {
        java.util.Map<String, Set<String>> outputs = new java.util.TreeMap<>();
        for (Element decision : elements(parse(dmn).getDocumentElement(), "decision")) {
            Set<String> names = new TreeSet<>();
            elements(decision, "output").forEach(output -> names.add(output.getAttribute("name")));
            outputs.put(decision.getAttribute("id"), names);
        }
        return outputs;
    }

    public static Usage usage(Path bpmn) {
        Usage usage = new Usage(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new java.util.TreeMap<>());
        for (Element element : elements(parse(bpmn).getDocumentElement(), null)) {
            String tag = element.getLocalName();
            if (CAMUNDA.equals(element.getNamespaceURI()) && ("in".equals(tag) || "out".equals(tag))) {
                Element callActivity = (Element) element.getParentNode().getParentNode();
                Set<String> passed = usage.passedTo().computeIfAbsent(callActivity.getAttribute("calledElement"), key -> new TreeSet<>());
                String caller = "in".equals(tag) ? "source" : "target";
                String called = "in".equals(tag) ? "target" : "source";
                if (element.hasAttribute(caller)) {
                    usage.variables().add(element.getAttribute(caller));
                }
                if (element.hasAttribute(called)) {
                    passed.add(element.getAttribute(called));
                }
                expressionsOf(element.getAttribute("sourceExpression"), usage);
                continue;
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                String value = attribute.getValue();
                if ("delegateExpression".equals(name)) {
                    Matcher expression = EXPRESSION.matcher(value);
                    while (expression.find()) {
                        usage.beans().addAll(identifiersOf(expression.group(1)));
                    }
                } else if (!CAMUNDA.equals(attribute.getNamespaceURI())) {
                    expressionsOf(value, usage);
                } else if ("formRef".equals(name)) {
                    usage.formRefs().add(value);
                } else if ("decisionRef".equals(name)) {
                    usage.decisionRefs().add(value);
                } else if (Set.of("resultVariable", "collection", "elementVariable").contains(name) && !value.contains("{")) {
                    usage.variables().add(value);
                } else {
                    expressionsOf(value, usage);
                }
            }
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    expressionsOf(child.getNodeValue(), usage);
                }
            }
        }
        usage.variables().removeIf(KEYWORDS::contains);
        usage.beans().removeIf(KEYWORDS::contains);
        return usage;
    }

    /** In {@code ${a.b(c)}}, {@code a} is a bean (something is called on it), {@code c} a variable. */
    private static void expressionsOf(String text, Usage usage) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1));
            while (identifier.find()) {
                if (identifier.group(1) == null) {
                    continue;
                }
                String rest = expression.group(1).substring(identifier.end()).stripLeading();
                (rest.startsWith(".") || rest.startsWith("(") ? usage.beans() : usage.variables()).add(identifier.group(1));
            }
        }
    }

    private static Set<String> identifiersOf(String expression) {
        Set<String> found = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(expression);
        while (identifier.find()) {
            if (identifier.group(1) != null && !KEYWORDS.contains(identifier.group(1))) {
                found.add(identifier.group(1));
            }
        }
        return found;
    }

    /** Elements under {@code root} (itself included) with that local name, or all of them for null. */
    private static java.util.List<Element> elements(Element root, String localName) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        if (localName == null || localName.equals(root.getLocalName())) {
            found.add(root);
        }
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                found.addAll(elements(element, localName));
            }
        }
        return found;
    }

    private static org.w3c.dom.Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

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
        element(parse(file).getDocumentElement());
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
        names.addAll(identifiersOf(expression));
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
