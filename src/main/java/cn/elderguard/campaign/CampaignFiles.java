package cn.elderguard.campaign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.lead.AttachmentType;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;
import cn.elderguard.system.UploadLimits;

/**
 * Publicity photos and pledge scans (EG_CAMPAIGN_FILE): checked by size, then by the kind their first bytes show
 * (never the name or the browser's claim, as case attachments, docs/intake.md), then stored in the caller's transaction.
 * The office and the unit that owns the record download them (docs/security.md, campaign-reader).
 */
@Component
class CampaignFiles {

    static final DataSize MAX_SIZE = DataSize.ofMegabytes(10);
    static final Set<AttachmentType> PHOTO = Set.of(AttachmentType.JPEG, AttachmentType.PNG);
    static final Set<AttachmentType> SCAN = Set.of(AttachmentType.PDF, AttachmentType.JPEG, AttachmentType.PNG);
    static final String NOT_FOUND = "文件不存在或您无权查看";

    private final UnitRecordRepository records;

    CampaignFiles(UnitRecordRepository records) {
        this.records = records;
    }

    /** Stores {@code file} for the record; 400 naming {@code file} when it is empty or not one of {@code allowed}. */
    CampaignFile store(long campaignId, CampaignFile.Owner owner, long ownerId, MultipartFile file, Set<AttachmentType> allowed,
                       String userId) throws IOException {
        UploadLimits.check(file, MAX_SIZE);
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "文件是空的，请重新选择");
        }
        try (InputStream in = file.getInputStream()) {
            byte[] head = in.readNBytes(AttachmentType.HEAD_BYTES);
            AttachmentType type = AttachmentType.sniff(head, head.length).filter(allowed::contains)
                .orElseThrow(() -> new InvalidInputException("file", rule(allowed)));
            String name = AttachmentType.fileName(file.getOriginalFilename(), owner == CampaignFile.Owner.PLEDGE ? "承诺书" : "照片");
            var uploadedAt = Now.instant();
            long id = records.insertFile(campaignId, owner, ownerId, name, type.mediaType(), file.getSize(),
                new SequenceInputStream(new ByteArrayInputStream(head), in), userId, uploadedAt);
            return new CampaignFile(id, name, type.mediaType(), file.getSize(), userId, uploadedAt);
        }
    }

    /** What the refusal names: the kinds this door takes, as people know them. */
    static String rule(Set<AttachmentType> allowed) {
        String kinds = allowed.stream().sorted().map(Enum::name).collect(Collectors.joining("、"));
        return "只能上传 " + kinds + " 格式的文件（按文件内容识别，改扩展名无效），不超过 " + UploadLimits.describe(MAX_SIZE.toBytes());
    }

    /** The file of this campaign if the reader may read its record; 404 otherwise. */
    CampaignFile readable(RecordAccess.Reader reader, long fileId) {
        UnitRecordRepository.StoredFile stored = records.file(reader.campaign().id(), fileId)
            .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        long campaignId = reader.campaign().id();
        Optional<UnitKey> owner = switch (stored.owner()) {
            case PUBLICITY -> records.publicity(campaignId, stored.ownerId()).map(Publicity::unit);
            case PLEDGE -> records.pledge(campaignId, stored.ownerId()).map(Pledge::unit);
        };
        if (owner.filter(reader::reads).isEmpty()) {
            throw new NotFoundException(NOT_FOUND);
        }
        return stored.file();
    }

    void copyTo(CampaignFile file, OutputStream out) {
        records.copyContent(file.id(), out);
    }
}
