package cn.elderguard.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.Downloads;
import cn.elderguard.system.InvalidInputException;

/**
 * What participating units record at any time in a campaign (docs/campaigns.md, "What units record"): information and
 * urgent reports, publicity activities with photos, pledge letters with their scans, their files, and the totals.
 * Lists take {@code page} (from 0) and {@code size} (1–100); {@code unit} is {@code AGENCY@regionCode}.
 */
@RestController
@RequestMapping("/api/campaigns/{id}")
class UnitRecordController {

    private final InformationReports reports;
    private final PublicityActivities publicity;
    private final Pledges pledges;
    private final CampaignFiles files;
    private final RecordAccess access;
    private final RecordTotals totals;

    UnitRecordController(InformationReports reports, PublicityActivities publicity, Pledges pledges, CampaignFiles files,
                         RecordAccess access, RecordTotals totals) {
        this.reports = reports;
        this.publicity = publicity;
        this.pledges = pledges;
        this.files = files;
        this.access = access;
        this.totals = totals;
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    Report submitReport(@PathVariable long id, @Valid @RequestBody ReportInput input) {
        return reports.submit(id, input);
    }

    @GetMapping("/reports")
    ResultPage<Report> reports(@PathVariable long id, @RequestParam(required = false) String unit,
                               @RequestParam(required = false) ReportKind kind, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        return reports.list(id, unitKey(unit), kind, page, size);
    }

    /** Each participating unit's reports against the minimum of two; {@code below=true}: only the units below it. */
    @GetMapping("/reports/counts")
    ResultPage<UnitReportCount> reportCounts(@PathVariable long id, @RequestParam(required = false) String unit,
                                             @RequestParam(defaultValue = "false") boolean below,
                                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return reports.counts(id, unitKey(unit), below, page, size);
    }

    @PostMapping("/publicity")
    @ResponseStatus(HttpStatus.CREATED)
    Publicity recordPublicity(@PathVariable long id, @Valid @RequestBody PublicityInput input) {
        return publicity.record(id, input);
    }

    @GetMapping("/publicity")
    ResultPage<Publicity> publicity(@PathVariable long id, @RequestParam(required = false) String unit,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return publicity.list(id, unitKey(unit), page, size);
    }

    @PostMapping(path = "/publicity/{pid}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CampaignFile addPhoto(@PathVariable long id, @PathVariable long pid, @RequestPart("file") MultipartFile file) throws IOException {
        return publicity.addPhoto(id, pid, file);
    }

    @PostMapping("/pledges")
    @ResponseStatus(HttpStatus.CREATED)
    Pledge recordPledge(@PathVariable long id, @Valid @RequestBody PledgeInput input) {
        return pledges.record(id, input);
    }

    @GetMapping("/pledges")
    ResultPage<Pledge> pledges(@PathVariable long id, @RequestParam(required = false) String unit,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return pledges.list(id, unitKey(unit), page, size);
    }

    @PostMapping(path = "/pledges/{pid}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CampaignFile attachScan(@PathVariable long id, @PathVariable long pid, @RequestPart("file") MultipartFile file) throws IOException {
        return pledges.attachScan(id, pid, file);
    }

    /** A photo or scan as a download under its own name (never inline), for whoever may read its record. */
    @GetMapping("/files/{fileId}")
    void download(@PathVariable long id, @PathVariable long fileId, HttpServletResponse response) throws IOException {
        CampaignFile file = files.readable(access.reader(id), fileId);
        Downloads.attachment(response, file.fileName(), file.contentType(), file.size());
        OutputStream out = response.getOutputStream();
        files.copyTo(file, out);
        out.flush();
    }

    /** Publicity, pledges and reports added up per participating unit ({@code by=unit}) or per jurisdiction below the owner's. */
    @GetMapping("/records/totals")
    ResultPage<RecordTotal> totals(@PathVariable long id, @RequestParam(defaultValue = "unit") String by,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        RecordTotals.By grouping;
        try {
            grouping = RecordTotals.By.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("by", "取值无效：" + by + "，应为 unit（按单位）或 jurisdiction（按辖区）");
        }
        return totals.totals(id, grouping, page, size);
    }

    /** 409 in the API's problem format: the institution's pledge is already recorded. */
    @ExceptionHandler(Pledges.PledgeExistsException.class)
    ProblemDetail pledgeExists(Pledges.PledgeExistsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("重复登记");
        problem.setProperty("errors", List.of(java.util.Map.of("field", "institutionId", "message", e.getMessage())));
        return problem;
    }

    /** {@code AGENCY@regionCode}, e.g. CIVIL_AFFAIRS@999001002000; 400 naming {@code unit} otherwise. */
    static UnitKey unitKey(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int at = value.indexOf('@');
        try {
            if (at < 0) {
                throw new IllegalArgumentException(value);
            }
            return new UnitKey(Agency.valueOf(value.substring(0, at).trim()), RegionCode.of(value.substring(at + 1).trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unit", "取值无效：" + value + "，格式应为 行业@区划代码，如 CIVIL_AFFAIRS@999001002000");
        }
    }
}
