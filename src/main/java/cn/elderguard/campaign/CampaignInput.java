package cn.elderguard.campaign;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.JurisdictionLevel;

/**
 * A launch as the page and the API give it (docs/campaigns.md, "Launching"): field rules here, rules between fields and
 * against the organisation in {@link CampaignLaunch}.
 */
public record CampaignInput(
    @NotBlank(message = "必填") @Size(min = 2, max = 200, message = "须为 2—200 个字符") String name,
    @NotBlank(message = "必填") @Pattern(regexp = "[0-9]{12}", message = "区划代码须为 12 位数字") String ownerRegion,
    @Size(max = 32, message = "不能超过 32 个字符") String template,
    @NotEmpty(message = "至少一个阶段") @Size(max = 6, message = "最多 6 个阶段") List<@Valid @NotNull(message = "不能为空") Phase> phases,
    @Valid Units units,
    LocalDate planDueOn,
    LocalDate unitSummaryDueOn,
    @NotNull(message = "必填（专项行动总结报告的报送期限）") LocalDate summaryDueOn) {

    /** A phase: its code (English, for the record), Chinese label and dates. */
    public record Phase(
        @NotBlank(message = "必填") @Pattern(regexp = "[A-Z][A-Z_]{1,31}", message = "须为大写英文字母和下划线，如 MOBILIZE") String code,
        @NotBlank(message = "必填") @Size(max = 50, message = "不能超过 50 个字符") String label,
        @NotNull(message = "必填") LocalDate startsOn,
        @NotNull(message = "必填") LocalDate endsOn) {
    }

    /** Which units take part; empty lists mean every agency, every level from the owner's down. */
    public record Units(List<Agency> agencies, List<JurisdictionLevel> levels) {
    }
}
