package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.elderguard.lead.LeadDisposalProcess;

/**
 * The shipped models with an administrator's revision, sent as Camunda Modeler sends them (every file of bpmn/ and
 * forms/, "include additional files"): in LeadDisposal the service task Task_RecordVerification is replaced by
 * Task_RecordVerifiedFacts and 核查线索 is renamed; VerifyLead gains the field extraNotes. Built from the shipped
 * files, so the revision passes every deployment rule the shipped models pass.
 */
final class RevisedLeadDisposal {

    static final String REMOVED_TASK = LeadDisposalProcess.TASK_RECORD_VERIFICATION;
    static final String ADDED_TASK = "Task_RecordVerifiedFacts";
    static final String RENAMED_TASK = LeadDisposalProcess.TASK_VERIFY_LEAD;
    static final String NEW_NAME = "核查线索（修订）";
    static final String ADDED_FIELD = "extraNotes";

    private RevisedLeadDisposal() {
    }

    /** File name → content: the shipped models, LeadDisposal.bpmn and VerifyLead.form revised. */
    static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String folder : new String[] {"bpmn", "forms"}) {
            try (var paths = Files.list(Path.of(folder))) {
                for (Path file : paths.toList()) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        String process = new String(files.get("LeadDisposal.bpmn"), StandardCharsets.UTF_8)
            .replace("\"" + REMOVED_TASK + "\"", "\"" + ADDED_TASK + "\"")
            .replace("id=\"" + RENAMED_TASK + "\" name=\"核查线索\"", "id=\"" + RENAMED_TASK + "\" name=\"" + NEW_NAME + "\"");
        assertThat(process).contains(ADDED_TASK).contains(NEW_NAME).doesNotContain("\"" + REMOVED_TASK + "\"");
        files.put("LeadDisposal.bpmn", process.getBytes(StandardCharsets.UTF_8));

        ObjectMapper json = new ObjectMapper();
        ObjectNode form = (ObjectNode) json.readTree(files.get("VerifyLead.form"));
        ObjectNode field = json.createObjectNode().put("id", "Field_ExtraNotes").put("key", ADDED_FIELD).put("label", "补充说明")
            .put("type", "textfield");
        ((ArrayNode) form.get("components")).insert(2, field);
        files.put("VerifyLead.form", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(form));
        return files;
    }

    /** Posts the files to /engine-rest/deployment/create as Camunda Modeler does; the answer as it came. */
    static ResponseEntity<String> deploy(TestRestTemplate http, String user, String password, String name, Map<String, byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "true");
        files.forEach((file, content) -> parts.add(file, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    /** Deploys the revision as the given administrator; the new deployment's id. */
    static String deploy(TestRestTemplate http, String user, String password, String name) throws IOException {
        ResponseEntity<String> response = deploy(http, user, password, name, files());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return new ObjectMapper().readTree(response.getBody()).path("id").asText();
    }
}
