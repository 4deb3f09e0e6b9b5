package cn.elderguard.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.support.Api;
import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * Evidence attachments (docs/intake.md, "Attachments"): a grid worker attaches a photo to the lead they registered,
 * the timeline says so, the case's readers download it, another town's officer gets 403; files of the wrong kind
 * (by content) and over the size limit are refused naming the rule; a 20 MB file goes in and out without the heap
 * holding it.
 */
@ElderGuardTest
class AttachmentTest {

    /** The smallest valid PNG: one transparent pixel. */
    static final byte[] PNG = Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aGridWorkerAttachesAPhotoToTheirLeadAndTheCaseReadersGetIt() throws Exception {
        JsonNode lead = registerLead("dongjie_wgy");
        long leadId = lead.path("leadId").asLong();
        long caseId = caseOf(leadId);

        Upload photo = upload("dongjie_wgy", "/api/leads/" + leadId + "/attachments", "现场照片 门口.png", PNG, "门口张贴的返利宣传单");

        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        JsonNode created = json.readTree(photo.body());
        assertThat(created.path("fileName").asText()).isEqualTo("现场照片 门口.png");
        assertThat(created.path("contentType").asText()).isEqualTo("image/png");
        assertThat(created.path("size").asLong()).isEqualTo(PNG.length);
        assertThat(created.path("uploadedBy").asText()).isEqualTo("dongjie_wgy");
        assertThat(created.path("uploadedAt").isMissingNode()).isFalse();
        assertThat(created.has("caseId")).as("the submitter's answer names no case").isFalse();
        long id = created.path("id").asLong();

        JsonNode timeline = Api.as(http, "xian_cfb", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId).ok().json().path("timeline");
        assertThat(timeline.findValuesAsText("kind")).contains("ATTACHED");
        assertThat(timeline.toString()).contains("上传附件：现场照片 门口.png").contains("门口张贴的返利宣传单");

        JsonNode listed = Api.as(http, "cg_mz", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/attachments").ok().json();
        assertThat(listed.findValuesAsText("fileName")).containsExactly("现场照片 门口.png");
        assertThat(listed.get(0).path("leadId").asLong()).isEqualTo(leadId);

        HttpResponse<byte[]> supervisor = download("xian_cfb", id);
        assertThat(supervisor.statusCode()).as("the county 处非办 supervises the town").isEqualTo(200);
        assertThat(supervisor.body()).isEqualTo(PNG);
        assertThat(supervisor.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(supervisor.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(supervisor.headers().firstValue("Content-Disposition").orElseThrow())
            .startsWith("attachment;").contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87");
        assertThat(download("cg_mz", id).statusCode()).as("the unit working the case").isEqualTo(200);
        assertThat(download("dongjie_wgy", id).statusCode()).as("the uploader").isEqualTo(200);

        HttpResponse<byte[]> foreign = download("hx_mz", id);
        assertThat(foreign.statusCode()).as("another town's officer").isEqualTo(403);
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).contains("无权下载此附件");
        assertThat(download("hx_mz", id + 1_000_000).statusCode()).isEqualTo(404);
        assertThat(Api.as(http, "hx_mz", DemoOrganisation.PASSWORD).get("/api/cases/" + caseId + "/attachments").status()).isEqualTo(404);
    }

    @Test
    void onlyTheUnitsWorkingTheCaseAndTheLeadsSubmitterAttach() throws Exception {
        long leadId = registerLead("dongjie_wgy").path("leadId").asLong();
        long caseId = caseOf(leadId);

        assertThat(upload("hx_mz", "/api/leads/" + leadId + "/attachments", "a.png", PNG, null).status())
            .as("another town: the lead does not exist for them").isEqualTo(404);
        Upload supervisor = upload("xian_cfb", "/api/cases/" + caseId + "/attachments", "a.png", PNG, null);
        assertThat(supervisor.status()).as("supervisors read, they do not add").isEqualTo(403);
        assertThat(supervisor.body()).contains("不能为其添加附件");
        assertThat(upload("xian_cfb", "/api/leads/" + leadId + "/attachments", "a.png", PNG, null).status()).isEqualTo(403);
        assertThat(upload("xijie_wgy", "/api/leads/" + leadId + "/attachments", "a.png", PNG, null).status())
            .as("another grid worker of the same town").isEqualTo(404);

        Upload officer = upload("cg_mz", "/api/cases/" + caseId + "/attachments", "核查笔录.pdf",
            "%PDF-1.4\n%核查笔录\n".getBytes(StandardCharsets.UTF_8), "核查笔录扫描件");
        assertThat(officer.status()).as(officer.body()).isEqualTo(201);
        assertThat(json.readTree(officer.body()).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(json.readTree(officer.body()).path("leadId").isNumber()).as("attached to the case, not a lead").isFalse();
    }

    @Test
    void aFileOfAnotherKindIsRefusedByItsContentWhateverItsName() throws Exception {
        long leadId = registerLead("dongjie_wgy").path("leadId").asLong();
        long before = count();
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';

        Upload refused = upload("dongjie_wgy", "/api/leads/" + leadId + "/attachments", "照片.jpg", exe, null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(problem.path("errors").findValuesAsText("message").get(0)).contains("JPEG").contains("PDF").contains("按文件内容");
        assertThat(count()).as("nothing stored").isEqualTo(before);

        Upload empty = upload("dongjie_wgy", "/api/leads/" + leadId + "/attachments", "空.png", new byte[0], null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("文件是空的");
    }

    @Test
    void aFileOverTheLimitIsRefusedNamingIt() throws Exception {
        long leadId = registerLead("dongjie_wgy").path("leadId").asLong();
        long before = count();
        Path file = Files.createTempFile("attachment-over-limit", ".png");
        try {
            writeFile(file, 20L * 1024 * 1024 + 1);
            Upload refused = upload("dongjie_wgy", "/api/leads/" + leadId + "/attachments", "大照片.png", file, null);

            assertThat(refused.status()).as(refused.body()).isEqualTo(413);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.path("title").asText()).isEqualTo("文件过大");
            assertThat(problem.path("errors").findValuesAsText("message")).containsExactly("不能超过 20MB");
            assertThat(count()).isEqualTo(before);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A 20 MB file (the limit) is uploaded and downloaded while a sampler collects garbage and reads the heap every
     * 50 ms: the live heap never grows by more than a few MB over what it was before, which it would by 20 MB if
     * either side held the file in memory.
     */
    @Test
    void aTwentyMegabyteFileIsStreamedBothWays() throws Exception {
        long leadId = registerLead("dongjie_wgy").path("leadId").asLong();
        Path file = Files.createTempFile("attachment-20mb", ".png");
        try {
            String sha256 = writeFile(file, 20L * 1024 * 1024);
            // Warm up both paths (classes, pools, buffers) so the measurement sees the file, not the first call.
            long warm = json.readTree(upload("dongjie_wgy", "/api/leads/" + leadId + "/attachments", "预热.png", PNG, null).body())
                .path("id").asLong();
            download("dongjie_wgy", warm);

            // The whole application shares this JVM (job executor, other tests' leftovers), so one sample can catch
            // unrelated garbage: the best of three transfers counts. Holding the file in memory adds 20 MB to each.
            Transfer best = null;
            for (int attempt = 0; attempt < 3 && (best == null || best.grewMb() >= 8 || best.keptMb() >= 4); attempt++) {
                Transfer transfer = transfer(leadId, file);
                assertThat(transfer.size()).isEqualTo(20L * 1024 * 1024);
                assertThat(transfer.digest()).as("the same bytes came back").isEqualTo(sha256);
                if (best == null || transfer.grewMb() < best.grewMb()) {
                    best = transfer;
                }
            }
            assertThat(best.grewMb()).as("live heap growth during the transfer (MB)").isLessThan(8);
            assertThat(best.keptMb()).as("heap growth after the transfer (MB)").isLessThan(4);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** What one upload and download of {@code file} did to the heap, sampled 50 ms after each previous sample. */
    private Transfer transfer(long leadId, Path file) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        AtomicLong peak = new AtomicLong(baseline);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> peak.accumulateAndGet(usedAfterGc(memory), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        Upload uploaded;
        String downloaded;
        try {
            uploaded = upload("dongjie_wgy", "/api/leads/" + leadId + "/attachments", "二十兆.png", file, null);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            downloaded = downloadDigest("dongjie_wgy", json.readTree(uploaded.body()).path("id").asLong());
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        long after = usedAfterGc(memory);
        System.out.printf("20 MB attachment: heap after GC %d MB before, peak %d MB during, %d MB after%n",
            baseline >> 20, peak.get() >> 20, after >> 20);
        return new Transfer(json.readTree(uploaded.body()).path("size").asLong(), downloaded, (peak.get() - baseline) >> 20,
            (after - baseline) >> 20);
    }

    record Transfer(long size, String digest, long grewMb, long keptMb) {
    }

    record Upload(int status, String body) {
    }

    private JsonNode registerLead(String user) {
        return Api.as(http, user, DemoOrganisation.PASSWORD).post("/api/leads", Map.of("source", "GRID_PATROL",
            "institution", Map.of("name", "附件测试养老院-" + UUID.randomUUID().toString().substring(0, 8), "jurisdiction",
                DemoOrganisation.DONGJIE),
            "description", "养老院收取会员费，承诺每年返利")).ok().json();
    }

    private long caseOf(long leadId) {
        return jdbc.sql("SELECT CASE_ID FROM EG_LEAD WHERE ID = ?").param(leadId).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM EG_ATTACHMENT) + (SELECT COUNT(*) FROM EG_ATTACHMENT_CHUNK)").query(Long.class)
            .single();
    }

    private Upload upload(String user, String path, String fileName, byte[] content, String description) throws Exception {
        return send(user, path, fileName, HttpRequest.BodyPublishers.ofByteArray(content), description);
    }

    private Upload upload(String user, String path, String fileName, Path content, String description) throws Exception {
        return send(user, path, fileName, HttpRequest.BodyPublishers.ofFile(content), description);
    }

    /** A multipart request as a browser sends it; the file part is streamed from its publisher. */
    private Upload send(String user, String path, String fileName, HttpRequest.BodyPublisher content, String description)
        throws Exception {
        String boundary = "----eg" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        if (description != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n")
                .append(description).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
            .append("\"\r\nContent-Type: image/jpeg\r\n\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basic(user))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8), content,
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
            .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Upload(response.statusCode(), response.body());
    }

    private HttpResponse<byte[]> download(String user, long id) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/attachments/" + id))
            .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Reads the download as a stream into a digest, so the test itself holds none of it. */
    private String downloadDigest(String user, long id) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/attachments/" + id)).header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A PNG signature and then random bytes up to {@code size}; returns the file's SHA-256. */
    private static String writeFile(Path file, long size) throws IOException, java.security.NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        java.util.Random random = new java.util.Random(14);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = 0;
            while (written < size) {
                random.nextBytes(buffer);
                if (written == 0) {
                    System.arraycopy(PNG, 0, buffer, 0, 8);
                }
                int n = (int) Math.min(buffer.length, size - written);
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                written += n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
