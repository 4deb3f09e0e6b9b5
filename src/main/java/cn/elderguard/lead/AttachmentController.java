package cn.elderguard.lead;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.system.Downloads;

/**
 * Evidence attachments (docs/intake.md, "Attachments"): upload to a lead or a case as multipart {@code file} with an
 * optional {@code description}; the case's list; the download, streamed from the database.
 */
@RestController
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/api/leads/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment attachToLead(@PathVariable long id, @RequestPart("file") MultipartFile file,
                            @RequestParam(required = false) String description) throws IOException {
        return attachments.attachToLead(id, file, description);
    }

    @PostMapping(path = "/api/cases/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment attachToCase(@PathVariable long id, @RequestPart("file") MultipartFile file,
                            @RequestParam(required = false) String description) throws IOException {
        return attachments.attachToCase(id, file, description);
    }

    /** The case's attachments and its leads', oldest first; page with {@code after} (the last id seen). */
    @GetMapping("/api/cases/{id}/attachments")
    List<Attachment> ofCase(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
                            @RequestParam(defaultValue = "50") int size) {
        return attachments.ofCase(id, after, size);
    }

    /**
     * The file, as a download under its own name (never shown inline: a PDF or image from outside runs nothing in the
     * application's origin), written chunk by chunk as the database gives it.
     */
    @GetMapping("/api/attachments/{id}")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        Attachment attachment = attachments.downloadable(id);
        Downloads.attachment(response, attachment.fileName(), attachment.contentType(), attachment.size());
        OutputStream out = response.getOutputStream();
        attachments.copyTo(attachment, out);
        out.flush();
    }
}
