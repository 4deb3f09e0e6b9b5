package cn.elderguard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import cn.elderguard.system.Now;

/**
 * What units record in a campaign (docs/campaigns.md, "What units record"): information reports and their counts
 * against the minimum, publicity activities with photos, pledges with scans, the files' kinds and access, the totals
 * per unit and per jurisdiction; every refusal names the field or says why in Chinese.
 */
@ElderGuardTest
class UnitRecordsTest {

    /** The smallest valid PNG: one transparent pixel. */
    static final byte[] PNG = Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    static final byte[] PDF = "%PDF-1.4\n% 承诺书扫描件\n".getBytes(StandardCharsets.UTF_8);
    /** A Windows executable's first bytes, named .png or .pdf by whoever uploads it. */
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    CampaignRows rows() {
        return new CampaignRows(jdbc);
    }

    Api as(String user) {
        return Api.as(http, user, DemoOrganisation.PASSWORD);
    }

    // ------------------------------------------------------------------------------------------------ reports

    @Test
    void aParticipatingUnitSendsInformationReportsAndTheOfficeSeesEachUnitsCountAgainstTheMinimum() {
        long id = rows().hexiCampaign("信息报送测试-" + UUID.randomUUID());
        String base = "/api/campaigns/" + id;

        Api.Response sent = as("hx_mz").post(base + "/reports", Map.of("kind", "INFO", "title", " 河西镇开展入户宣传 ", "body", "亮点工作及成效：……"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("title").asText()).isEqualTo("河西镇开展入户宣传");
        assertThat(sent.json().path("kind").asText()).isEqualTo("INFO");
        assertThat(sent.json().path("kindLabel").asText()).isEqualTo("工作动态信息");
        assertThat(sent.json().path("unitName").asText()).isEqualTo("河西镇民政办");
        assertThat(sent.json().path("agency").asText()).isEqualTo("CIVIL_AFFAIRS");
        assertThat(sent.json().path("jurisdiction").asText()).isEqualTo(DemoOrganisation.HEXI);
        assertThat(sent.json().path("submittedBy").asText()).isEqualTo("hx_mz");
        as("hx_mz_ld").post(base + "/reports", Map.of("kind", "INFO", "title", "第二篇", "body", "典型案例")).ok();
        as("hexicun_wgy").post(base + "/reports", Map.of("kind", "INFO", "title", "河西村信息", "body", "问题和困难")).ok();

        JsonNode all = as("hx_zzb").get(base + "/reports").ok().json();
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("items").findValuesAsText("title")).containsExactly("河西村信息", "第二篇", "河西镇开展入户宣传");
        JsonNode own = as("hx_mz").get(base + "/reports").ok().json();
        assertThat(own.path("items").findValuesAsText("title")).as("a unit reads its own").containsExactly("第二篇", "河西镇开展入户宣传");
        JsonNode paged = as("hx_zzb").get(base + "/reports?size=2&page=1").ok().json();
        assertThat(paged.path("items").findValuesAsText("title")).containsExactly("河西镇开展入户宣传");
        assertThat(as("hx_zzb").get(base + "/reports?unit=GRID_WORKER@" + DemoOrganisation.HEXICUN).ok().json().path("items")
            .findValuesAsText("title")).containsExactly("河西村信息");
        assertThat(as("hx_zzb").get(base + "/reports?kind=URGENT").ok().json().path("total").asLong()).isZero();
        assertThat(as("xian_cfb").get(base + "/reports").ok().json().path("total").asLong()).as("the county supervises the town").isEqualTo(3);

        Api.Response another = as("hx_mz").get(base + "/reports?unit=GRID_WORKER@" + DemoOrganisation.HEXICUN);
        assertThat(another.status()).isEqualTo(403);
        assertThat(another.body()).contains("只能查看本单位的记录");
        assertThat(as("cg_mz").get(base + "/reports").status()).as("another town's unit: no such campaign for it").isEqualTo(404);
        assertThat(as("hx_scjg").get(base + "/reports").status()).as("a unit of the town that does not take part").isEqualTo(404);
        assertThat(as("hx_zzb").get(base + "/reports?unit=CIVIL_AFFAIRS").errorFields()).containsExactly("unit");
        assertThat(as("hx_zzb").get(base + "/reports?kind=LETTER").errorFields()).containsExactly("kind");
        assertThat(as("hx_zzb").get(base + "/reports?page=-1&size=500").errorFields()).containsExactlyInAnyOrder("page", "size");

        JsonNode counts = as("hx_zzb").get(base + "/reports/counts").ok().json();
        assertThat(counts.path("total").asLong()).isEqualTo(4);
        assertThat(counts.path("items").findValuesAsText("unitName")).containsExactly("河西镇民政办", "河西派出所", "河西村网格员", "柳树村网格员");
        assertThat(numbers(counts.path("items"), "infoReports")).containsExactly(2L, 0L, 1L, 0L);
        assertThat(counts.path("items").findValuesAsText("belowMinimum")).containsExactly("false", "true", "true", "true");
        JsonNode below = as("hx_zzb").get(base + "/reports/counts?below=true&size=2").ok().json();
        assertThat(below.path("total").asLong()).isEqualTo(3);
        assertThat(below.path("items").findValuesAsText("unitName")).containsExactly("河西派出所", "河西村网格员");
        assertThat(as("hexicun_wgy").get(base + "/reports/counts").ok().json().path("items").findValuesAsText("unitName"))
            .containsExactly("河西村网格员");
    }

    @Test
    void aReportNamesEveryBrokenFieldAndOnlyParticipatingOfficersMaySendOne() {
        long id = rows().hexiCampaign("报送校验测试-" + UUID.randomUUID());
        String reports = "/api/campaigns/" + id + "/reports";

        assertThat(as("hx_mz").post(reports, Map.of()).errorFields()).containsExactly("body", "kind", "title");
        Map<String, Object> tooLong = new HashMap<>(Map.of("kind", "INFO", "title", "长".repeat(201), "body", " "));
        assertThat(as("hx_mz").post(reports, tooLong).errorFields()).containsExactly("body", "title");
        assertThat(as("hx_mz").post(reports, Map.of("kind", "RUMOUR", "title", "t", "body", "b")).errorFields()).containsExactly("kind");
        Api.Response unknown = as("hx_mz").post(reports, Map.of("kind", "INFO", "title", "t", "body", "b", "agency", "CHUFEI_OFFICE"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("agency");

        Api.Response outsider = as("hx_scjg").post(reports, Map.of("kind", "INFO", "title", "t", "body", "b"));
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.json().path("detail").asText()).contains("本单位未参加该专项行动");
        Api.Response office = as("hx_zzb").post(reports, Map.of("kind", "INFO", "title", "t", "body", "b"));
        assertThat(office.status()).as("the office runs the campaign, it does not take part").isEqualTo(403);
        Api.Response leadingGroup = as("xian_ldxz").post(reports, Map.of("kind", "INFO", "title", "t", "body", "b"));
        assertThat(leadingGroup.status()).isEqualTo(403);
        assertThat(leadingGroup.json().path("detail").asText()).contains("经办人或负责人");
        assertThat(as("hx_mz").post("/api/campaigns/" + (id + 1_000_000) + "/reports", Map.of("kind", "INFO", "title", "t", "body", "b"))
            .status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_REPORT WHERE CAMPAIGN_ID = ?").param(id).query(Long.class).single())
            .as("nothing was stored").isZero();

        Api.Response urgent = as("hx_mz").post(reports, Map.of("kind", "URGENT", "title", "某机构门口聚集", "body", "约三十名老人要求退费"));
        assertThat(urgent.status()).as("no process takes it (it is not started here): the report is not kept either").isEqualTo(422);
        assertThat(urgent.json().path("title").asText()).isEqualTo("无法报送紧急情况");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_REPORT WHERE CAMPAIGN_ID = ?").param(id).query(Long.class).single())
            .as("the insert rolled back with the failed correlation").isZero();

        rows().end(id);
        Api.Response ended = as("hx_mz").post(reports, Map.of("kind", "INFO", "title", "t", "body", "b"));
        assertThat(ended.status()).isEqualTo(422);
        assertThat(ended.json().path("title").asText()).isEqualTo("专项行动已结束");
    }

    // ---------------------------------------------------------------------------------------------- publicity

    @Test
    void publicityIsRecordedWithPhotosCheckedByTheirContent() throws Exception {
        long id = rows().hexiCampaign("宣传活动测试-" + UUID.randomUUID());
        String base = "/api/campaigns/" + id;
        LocalDate today = Now.today();

        Api.Response recorded = as("hexicun_wgy").post(base + "/publicity", publicity(today, "MEETING", 120, 80));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        long activity = recorded.json().path("id").asLong();
        assertThat(recorded.json().path("formLabel").asText()).isEqualTo("院坝会/群众会");
        assertThat(recorded.json().path("unitName").asText()).isEqualTo("河西村网格员");
        assertThat(recorded.json().has("unit")).as("only the record's own fields").isFalse();

        Map<String, Object> bad = new HashMap<>();
        bad.put("place", "");
        bad.put("form", "SKYWRITING");
        assertThat(as("hexicun_wgy").post(base + "/publicity", bad).errorFields()).as("an unknown form is named first").containsExactly("form");
        bad.put("form", "BANNER");
        bad.put("materialsHandedOut", -1);
        assertThat(as("hexicun_wgy").post(base + "/publicity", bad).errorFields())
            .containsExactly("heldOn", "materialsHandedOut", "peopleReached", "place");
        assertThat(as("hexicun_wgy").post(base + "/publicity", publicity(today.plusDays(1), "BANNER", 1, 1)).errorFields())
            .containsExactly("heldOn");
        assertThat(as("hexicun_wgy").post(base + "/publicity", publicity(LocalDate.of(2019, 12, 31), "BANNER", 1, 1)).json()
            .path("detail").asText()).contains("不能早于专项行动发起日 2020-01-01");
        assertThat(as("hx_scjg").post(base + "/publicity", publicity(today, "BANNER", 1, 1)).status()).isEqualTo(403);

        Upload photo = upload("hexicun_wgy", base + "/publicity/" + activity + "/photos", "院坝会.png", PNG);
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        long photoId = json.readTree(photo.body()).path("id").asLong();
        assertThat(json.readTree(photo.body()).path("contentType").asText()).isEqualTo("image/png");

        Upload renamed = upload("hexicun_wgy", base + "/publicity/" + activity + "/photos", "假照片.png", EXE);
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(json.readTree(renamed.body()).path("errors").findValuesAsText("field")).containsExactly("file");
        assertThat(renamed.body()).contains("只能上传 JPEG、PNG 格式的文件");
        Upload pdf = upload("hexicun_wgy", base + "/publicity/" + activity + "/photos", "照片.pdf", PDF);
        assertThat(pdf.status()).as("a photo door takes no PDF").isEqualTo(400);
        Upload otherUnit = upload("hx_mz", base + "/publicity/" + activity + "/photos", "a.png", PNG);
        assertThat(otherUnit.status()).isEqualTo(403);
        assertThat(otherUnit.body()).contains("只能为本单位登记的宣传活动上传照片");
        assertThat(upload("hexicun_wgy", base + "/publicity/" + (activity + 1_000_000) + "/photos", "a.png", PNG).status()).isEqualTo(404);

        JsonNode listed = as("hx_zzb").get(base + "/publicity").ok().json();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("photos").findValuesAsText("fileName")).containsExactly("院坝会.png");
        assertThat(as("hx_mz").get(base + "/publicity").ok().json().path("total").asLong()).as("another unit's activity").isZero();

        HttpResponse<byte[]> office = download("hx_zzb", base + "/files/" + photoId);
        assertThat(office.statusCode()).isEqualTo(200);
        assertThat(office.body()).isEqualTo(PNG);
        assertThat(office.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(office.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download("hexicun_wgy", base + "/files/" + photoId).statusCode()).isEqualTo(200);
        assertThat(download("hx_mz", base + "/files/" + photoId).statusCode()).as("another participating unit").isEqualTo(404);
        assertThat(download("cg_mz", base + "/files/" + photoId).statusCode()).isEqualTo(404);
        long otherCampaign = rows().hexiCampaign("另一专项行动-" + UUID.randomUUID());
        assertThat(download("hx_zzb", "/api/campaigns/" + otherCampaign + "/files/" + photoId).statusCode())
            .as("a file is read through its own campaign only").isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ pledges

    @Test
    void aPledgeIsRecordedOncePerInstitutionForInstitutionsOfTheUnitsRegistryWithItsScan() throws Exception {
        long id = rows().hexiCampaign("承诺书测试-" + UUID.randomUUID());
        String base = "/api/campaigns/" + id;
        long institution = institution("hx_mz", DemoOrganisation.HEXICUN);
        long elsewhere = institution("cg_mz", DemoOrganisation.DONGJIE);

        Api.Response recorded = as("hx_mz").post(base + "/pledges", Map.of("institutionId", institution, "signedOn", "2024-03-01"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        long pledge = recorded.json().path("id").asLong();
        assertThat(recorded.json().path("institutionName").asText()).startsWith("承诺书测试养老院-");

        Api.Response again = as("hx_mz_ld").post(base + "/pledges", Map.of("institutionId", institution, "signedOn", "2024-03-02"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("已登记过").contains("每个机构只登记一次");
        assertThat(again.errorFields()).containsExactly("institutionId");

        Api.Response foreign = as("hx_mz").post(base + "/pledges", Map.of("institutionId", elsewhere, "signedOn", "2024-03-01"));
        assertThat(foreign.errorFields()).as("an institution of another town's registry").containsExactly("institutionId");
        assertThat(foreign.body()).contains("不在本单位的机构台账内");
        assertThat(as("hx_pcs").post(base + "/pledges", Map.of("institutionId", institution, "signedOn", "2024-03-01")).errorFields())
            .as("the police station's registry has no elder-care institutions").containsExactly("institutionId");
        assertThat(as("hx_mz").post(base + "/pledges", Map.of("signedOn", "2024-03-01")).errorFields()).containsExactly("institutionId");
        assertThat(as("hx_mz").post(base + "/pledges", Map.of("institutionId", institution, "signedOn", "三月一日")).errorFields())
            .containsExactly("signedOn");

        Upload exe = upload("hx_mz", base + "/pledges/" + pledge + "/scan", "承诺书.pdf", EXE);
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.body()).contains("只能上传 JPEG、PNG、PDF 格式的文件");
        Upload scan = upload("hx_mz", base + "/pledges/" + pledge + "/scan", "承诺书.pdf", PDF);
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        Upload rescan = upload("hx_mz_ld", base + "/pledges/" + pledge + "/scan", "承诺书（重扫）.png", PNG);
        assertThat(rescan.status()).isEqualTo(201);
        assertThat(upload("hexicun_wgy", base + "/pledges/" + pledge + "/scan", "a.pdf", PDF).status()).isEqualTo(403);

        JsonNode listed = as("hx_zzb").get(base + "/pledges").ok().json();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("scan").path("fileName").asText()).as("the new scan replaced the first")
            .isEqualTo("承诺书（重扫）.png");
        long scanId = listed.path("items").get(0).path("scan").path("id").asLong();
        assertThat(download("hx_mz", base + "/files/" + scanId).body()).isEqualTo(PNG);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EG_CAMPAIGN_FILE WHERE OWNER_KIND = 'PLEDGE' AND OWNER_ID = ?").param(pledge)
            .query(Long.class).single()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------- totals

    @Test
    void theTotalsPerUnitAndPerJurisdictionAreWhatTheUnitsRecorded() {
        long id = rows().hexiCampaign("合计测试-" + UUID.randomUUID());
        String base = "/api/campaigns/" + id;
        LocalDate today = Now.today();
        // unit 0 河西镇民政办: 2 activities, 1 pledge, 1 info report; unit 2 河西村: 1 activity, 2 info + 1 urgent (by SQL:
        // the urgent path needs the process); unit 3 柳树村: 1 activity; unit 1 派出所: nothing.
        as("hx_mz").post(base + "/publicity", publicity(today, "LECTURE", 200, 150)).ok();
        as("hx_mz").post(base + "/publicity", publicity(today, "LEAFLET", 500, 300)).ok();
        as("hx_mz").post(base + "/pledges", Map.of("institutionId", institution("hx_mz", DemoOrganisation.HEXICUN), "signedOn",
            today.toString())).ok();
        as("hx_mz").post(base + "/reports", Map.of("kind", "INFO", "title", "t", "body", "b")).ok();
        as("hexicun_wgy").post(base + "/publicity", publicity(today, "DOOR_TO_DOOR", 10, 40)).ok();
        rows().infoReports(id, 2, 2, ReportKind.INFO);
        rows().infoReports(id, 2, 1, ReportKind.URGENT);
        as("liushu_wgy").post(base + "/publicity", publicity(today, "BANNER", 0, 25)).ok();

        JsonNode byUnit = as("hx_zzb").get(base + "/records/totals?by=unit").ok().json();
        assertThat(byUnit.path("total").asLong()).isEqualTo(4);
        JsonNode units = byUnit.path("items");
        assertThat(units.findValuesAsText("name")).containsExactly("河西镇民政办", "河西派出所", "河西村网格员", "柳树村网格员");
        assertThat(numbers(units, "publicityActivities")).containsExactly(2L, 0L, 1L, 1L);
        assertThat(numbers(units, "peopleReached")).containsExactly(450L, 0L, 40L, 25L);
        assertThat(numbers(units, "materialsHandedOut")).containsExactly(700L, 0L, 10L, 0L);
        assertThat(numbers(units, "pledges")).containsExactly(1L, 0L, 0L, 0L);
        assertThat(numbers(units, "infoReports")).containsExactly(1L, 0L, 2L, 0L);
        assertThat(numbers(units, "urgentReports")).containsExactly(0L, 0L, 1L, 0L);
        assertThat(as("hx_zzb").get(base + "/records/totals?size=1&page=3").ok().json().path("items").findValuesAsText("name"))
            .containsExactly("柳树村网格员");

        JsonNode byJurisdiction = as("xian_cfb").get(base + "/records/totals?by=jurisdiction").ok().json().path("items");
        assertThat(byJurisdiction.findValuesAsText("jurisdiction")).containsExactly(DemoOrganisation.HEXI, DemoOrganisation.HEXICUN,
            CampaignRows.LIUSHU);
        assertThat(byJurisdiction.findValuesAsText("name")).containsExactly("河西镇（本级）", "河西村", "柳树村");
        assertThat(numbers(byJurisdiction, "units")).containsExactly(2L, 1L, 1L);
        assertThat(numbers(byJurisdiction, "publicityActivities")).containsExactly(2L, 1L, 1L);
        assertThat(numbers(byJurisdiction, "peopleReached")).containsExactly(450L, 40L, 25L);
        assertThat(numbers(byJurisdiction, "pledges")).containsExactly(1L, 0L, 0L);
        assertThat(numbers(byJurisdiction, "infoReports")).containsExactly(1L, 2L, 0L);
        assertThat(numbers(byJurisdiction, "urgentReports")).containsExactly(0L, 1L, 0L);
        assertThat(byJurisdiction.get(0).has("agency")).isFalse();

        assertThat(as("hx_zzb").get(base + "/records/totals?by=sector").errorFields()).containsExactly("by");
        Api.Response participant = as("hx_mz").get(base + "/records/totals");
        assertThat(participant.status()).isEqualTo(403);
        assertThat(participant.body()).contains("只有专项办");
        assertThat(as("cg_zzb").get(base + "/records/totals").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Map<String, Object> publicity(LocalDate heldOn, String form, int materials, int people) {
        return Map.of("heldOn", heldOn.toString(), "place", "河西村文化广场", "form", form, "materialsHandedOut", materials,
            "peopleReached", people, "notes", "发放宣传折页，讲解非法集资的常见手法");
    }

    /** A venue of the caller's registry (no credit code); its id. */
    long institution(String user, String jurisdiction) {
        return as(user).post("/api/institutions", Map.of("name", "承诺书测试养老院-" + UUID.randomUUID(), "registered", false,
            "jurisdiction", jurisdiction)).ok().json().path("id").asLong();
    }

    record Upload(int status, String body) {
    }

    Upload upload(String user, String path, String fileName, byte[] content) throws Exception {
        String boundary = "records-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
            + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new Upload(response.statusCode(), response.body());
    }

    HttpResponse<byte[]> download(String user, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoOrganisation.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The numbers of one field of every item, in order. */
    static List<Long> numbers(JsonNode items, String field) {
        return items.findValues(field).stream().map(JsonNode::asLong).toList();
    }
}
