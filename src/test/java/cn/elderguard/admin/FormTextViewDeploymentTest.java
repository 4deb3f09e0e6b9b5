package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.elderguard.support.ElderGuardTest;

/**
 * A form deployed from Camunda Modeler whose text view shows a value (rendered as Markdown/HTML by form-js)
 * is refused with 400 naming the form and the component; nothing is deployed (docs/forms.md).
 */
@ElderGuardTest
class FormTextViewDeploymentTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Test
    void aFormShowingAValueInATextViewIsNotDeployed() throws Exception {
        String form = Files.readString(Path.of("forms/SignOffCloseOut.form"), StandardCharsets.UTF_8)
            .replace("\"text\": \"## 负责人审核销号", "\"text\": \"**机构：** {{institutionName}}\\n## 负责人审核销号");
        assertThat(form).contains("{{institutionName}}");
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "SignOffCloseOut 修订");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("SignOffCloseOut.form", file("SignOffCloseOut.form", form.getBytes(StandardCharsets.UTF_8)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = http.withBasicAuth(adminId, adminPassword)
            .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains("SignOffCloseOut.form").contains("Text_1").contains("禁用");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
