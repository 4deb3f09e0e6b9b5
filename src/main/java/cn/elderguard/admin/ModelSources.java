package cn.elderguard.admin;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Where BPMN and DMN files hold expressions and scripts, read from the XML itself rather than from the model API,
 * so that no attribute the engine evaluates is missed: in BPMN every attribute or text containing {@code ${} or
 * {@code #{} is an expression (conditions, delegates, listeners, candidate groups, due dates, timers,
 * input/output, called element, message names…); in DMN the input expressions and entries with their language.
 * A file that does not parse yields nothing: the engine's own parser reports it.
 */
final class ModelSources {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> BPMN_DI = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
        "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    /** Text for people (documentation, annotations) or scripts (no-scripts judges them), never JUEL. */
    private static final Set<String> NOT_EXPRESSIONS = Set.of("documentation", "textAnnotation", "text", "script", "properties", "string");
    private static final Set<String> DMN_EXPRESSIONS = Set.of("inputExpression", "inputEntry", "outputEntry", "literalExpression");

    private ModelSources() {
    }

    /** A JUEL expression in a BPMN file: the id of the element it belongs to, where it is, its text. */
    record Expression(String elementId, String where, String text) {
    }

    /** A script, or an expression in a script language: where and in which language. */
    record Script(String elementId, String where, String language) {
    }

    /** An expression of a DMN file: e.g. an {@code inputExpression}, its language (lower case) and text. */
    record DecisionExpression(String elementId, String kind, String language, String text) {

        boolean juel() {
            return "juel".equals(language);
        }

        boolean feel() {
            return language.contains("feel");
        }
    }

    static Optional<Document> parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Deployments come from outside: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(content)));
        } catch (Exception notXml) {
            return Optional.empty();
        }
    }

    /** Every JUEL expression of a BPMN file. */
    static List<Expression> bpmnExpressions(Document bpmn) {
        List<Expression> found = new ArrayList<>();
        collectBpmn(bpmn.getDocumentElement(), found);
        return found;
    }

    private static void collectBpmn(Element element, List<Expression> found) {
        if (BPMN_DI.contains(element.getNamespaceURI()) || NOT_EXPRESSIONS.contains(element.getLocalName())
            || element.hasAttribute("language")) {
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI()) && !"stringValue".equals(attribute.getName())
                && isExpression(attribute.getValue())) {
                found.add(new Expression(idOf(element), element.getNodeName() + "@" + attribute.getName(), attribute.getValue()));
            }
        }
        List<Element> children = children(element);
        if (children.isEmpty() && isExpression(element.getTextContent())) {
            found.add(new Expression(idOf(element), element.getNodeName(), element.getTextContent().trim()));
        }
        children.forEach(child -> collectBpmn(child, found));
    }

    /** Script tasks, camunda:script (listeners, input/output) and conditions in a script language. */
    static List<Script> bpmnScripts(Document bpmn) {
        List<Script> found = new ArrayList<>();
        for (Element element : all(bpmn.getDocumentElement())) {
            String name = element.getLocalName();
            if (BPMN.equals(element.getNamespaceURI()) && "scriptTask".equals(name)) {
                found.add(new Script(idOf(element), element.getNodeName(), language(element.getAttribute("scriptFormat"))));
            } else if (CAMUNDA_BPMN.equals(element.getNamespaceURI()) && "script".equals(name)) {
                found.add(new Script(idOf(element), element.getNodeName(), language(element.getAttribute("scriptFormat"))));
            } else if (BPMN.equals(element.getNamespaceURI()) && element.hasAttribute("language")) {
                found.add(new Script(idOf(element), element.getNodeName(), language(element.getAttribute("language"))));
            }
        }
        return found;
    }

    /** The input expressions, input and output entries and literal expressions of a DMN file. */
    static List<DecisionExpression> decisionExpressions(Document dmn) {
        List<DecisionExpression> found = new ArrayList<>();
        for (Element element : all(dmn.getDocumentElement())) {
            if (DMN_EXPRESSIONS.contains(element.getLocalName())) {
                String text = children(element).stream().filter(child -> "text".equals(child.getLocalName()))
                    .map(Node::getTextContent).findFirst().orElse("");
                String language = element.hasAttribute("expressionLanguage") ? language(element.getAttribute("expressionLanguage")) : "feel";
                found.add(new DecisionExpression(idOf(element), element.getLocalName(), language, text.trim()));
            }
        }
        return found;
    }

    static List<Element> all(Element root) {
        List<Element> elements = new ArrayList<>();
        elements.add(root);
        for (int i = 0; i < elements.size(); i++) {
            elements.addAll(children(elements.get(i)));
        }
        return elements;
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /** The id of the element or of the nearest enclosing element that has one. */
    static String idOf(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (e.hasAttribute("id")) {
                return e.getAttribute("id");
            }
        }
        return element.getNodeName();
    }

    private static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    private static String language(String value) {
        return value == null || value.isBlank() ? "（未注明）" : value.trim().toLowerCase(Locale.ROOT);
    }
}
