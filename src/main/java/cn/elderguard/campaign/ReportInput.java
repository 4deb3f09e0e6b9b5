package cn.elderguard.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An information or urgent report as a unit sends it (docs/campaigns.md, "What units record"). */
public record ReportInput(
    @NotNull(message = "必填：INFO（工作动态信息）或 URGENT（紧急情况报告）") ReportKind kind,
    @NotBlank(message = "必填") @Size(max = 200, message = "不能超过 200 个字") String title,
    @NotBlank(message = "必填") @Size(max = 20000, message = "不能超过 20000 个字") String body) {
}
