package cn.elderguard.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every file of a deployment is a model ElderGuard runs and parses: BPMN ({@code .bpmn}, {@code .bpmn20.xml}),
 * DMN ({@code .dmn}, {@code .dmn11.xml}) or a Camunda Form ({@code .form}). Anything else is refused, diagram
 * images included (docs/decisions/025). A file that does not parse is refused naming line and column, before the
 * engine's own parser, which reports a file that is not XML as a server error (HTTP 500).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadableFile implements DeploymentRule {

    static final String ID = "readable-file";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String resourceName) {
        return true;
    }

    @Override
    public List<DeploymentViolation> check(String resourceName, byte[] content, DeploymentContext context) {
        if (ModelFiles.isBpmn(resourceName) || ModelFiles.isDmn(resourceName)) {
            return checkXml(resourceName, content);
        }
        if (ModelFiles.isForm(resourceName)) {
            return checkForm(content);
        }
        return List.of(new DeploymentViolation(ID, null,
            "文件 " + resourceName + " 不是 ElderGuard 运行的模型。只能部署流程（.bpmn）、决策表（.dmn）和表单（.form）；"
                + "请从部署中去掉该文件（流程图片不必部署，驾驶舱按 BPMN 自行绘图）",
            "file " + resourceName + " is not a model ElderGuard runs; deploy only processes (.bpmn), decisions (.dmn) and"
                + " forms (.form): leave this file out (diagram images are not needed, Cockpit draws the BPMN itself)"));
    }

    private static List<DeploymentViolation> checkXml(String resourceName, byte[] content) {
        try {
            wellFormed(content);
        } catch (SAXParseException e) {
            return List.of(notParsed(e, "不是格式正确的 XML", "is not well-formed XML"));
        } catch (SAXException | IOException e) {
            return List.of(notParsed(null, "不是格式正确的 XML（" + e.getMessage() + "）", "is not well-formed XML (" + e.getMessage() + ")"));
        }
        try {
            if (ModelFiles.isBpmn(resourceName)) {
                Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            } else {
                Dmn.readModelFromStream(new ByteArrayInputStream(content));
            }
        } catch (ModelException e) {
            String kind = ModelFiles.isBpmn(resourceName) ? "BPMN 2.0" : "DMN 1.3";
            SAXParseException position = position(e);
            String reason = position != null ? position.getMessage() : messages(e);
            return List.of(notParsed(position, "不是有效的 " + kind + " 模型（" + reason + "）；请用 Camunda Modeler 打开、改正并重新保存",
                "is not a valid " + kind + " model (" + reason + "); open it in Camunda Modeler, fix it and save it again"));
        }
        return List.of();
    }

    private List<DeploymentViolation> checkForm(byte[] content) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            return List.of(new DeploymentViolation(ID, null,
                "不是格式正确的 JSON（" + e.getOriginalMessage() + "）；请用 Camunda Modeler 打开、改正并重新保存",
                "is not valid JSON (" + e.getOriginalMessage() + "); open it in Camunda Modeler, fix it and save it again",
                location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr()));
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array", e);
        }
        if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank() || !form.path("components").isArray()) {
            return List.of(new DeploymentViolation(ID, null,
                "不是 Camunda 表单：须有文本 \"id\"（任务的 formRef 引用它）和 \"components\" 列表；请用 Camunda Modeler 新建或另存表单",
                "is not a Camunda Form: it needs a text \"id\" (what a task's formRef names) and a \"components\" list;"
                    + " create or save the form with Camunda Modeler"));
        }
        return List.of();
    }

    private static DeploymentViolation notParsed(SAXParseException position, String chinese, String english) {
        return new DeploymentViolation(ID, null, chinese, english,
            position == null ? 0 : Math.max(position.getLineNumber(), 0), position == null ? 0 : Math.max(position.getColumnNumber(), 0));
    }

    /** Well-formedness only, without document types or outside entities (a deployment is untrusted input). */
    private static void wellFormed(byte[] content) throws SAXException, IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new ByteArrayInputStream(content), new DefaultHandler());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static SAXParseException position(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException parse) {
                return parse;
            }
        }
        return null;
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
