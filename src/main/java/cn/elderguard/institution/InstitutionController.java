package cn.elderguard.institution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.UploadLimits;

/** 摸排对象清单: the institution registry and its spreadsheet import. */
@RestController
@RequestMapping("/api/institutions")
class InstitutionController {

    private final InstitutionService institutions;
    private final ScreeningListImport screeningList;

    InstitutionController(InstitutionService institutions, ScreeningListImport screeningList) {
        this.institutions = institutions;
        this.screeningList = screeningList;
    }

    /** A page of institutions in the caller's jurisdiction (or a subtree of it), in id order after {@code after}. */
    @GetMapping
    List<Institution> list(@RequestParam(required = false) RegionCode jurisdiction,
                           @RequestParam(defaultValue = "0") long after,
                           @RequestParam(defaultValue = "50") int size) {
        return institutions.list(jurisdiction, after, size);
    }

    @GetMapping("/{id}")
    Institution get(@PathVariable long id) {
        return institutions.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Institution create(@Valid @RequestBody InstitutionInput input) {
        return institutions.create(input);
    }

    @PutMapping("/{id}")
    Institution update(@PathVariable long id, @Valid @RequestBody InstitutionInput input) {
        return institutions.update(id, input);
    }

    /** The spreadsheet template of the screening list, with Chinese headers and one example row. */
    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("摸排对象清单模板.xlsx", StandardCharsets.UTF_8).build().toString())
            .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .body(screeningList.template());
    }

    /** Upserts every valid row; lists every rejected row with row number, column and reason. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ScreeningListImport.Result importScreeningList(@RequestPart("file") MultipartFile file) throws IOException {
        UploadLimits.check(file, UploadLimits.IMPORT);
        try (InputStream in = file.getInputStream()) {
            return screeningList.importFile(in);
        }
    }
}
