package cn.elderguard.lead;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.elderguard.lead.LeadSubmission.ReportedInstitution;
import cn.elderguard.lead.LeadSubmission.TipsterContact;

/** A tip from the public page. The tipster may leave contact details or stay anonymous. */
record PublicTip(
    @NotNull(message = "必填") @Valid ReportedInstitution institution,
    @NotBlank(message = "请描述您发现的问题") @Size(max = 20_000, message = "不能超过 20000 个字符") String description,
    @PositiveOrZero(message = "不能为负数") @DecimalMax(value = "10000000000", message = "不能超过 100 亿元")
    @Digits(integer = 11, fraction = 2, message = "金额以元为单位，最多保留 2 位小数") BigDecimal amountInvolvedYuan,
    @PositiveOrZero(message = "不能为负数") @Max(value = 10_000_000, message = "不能超过 1000 万人") Integer peopleInvolved,
    @PastOrPresent(message = "不能晚于今天") LocalDate observedOn,
    @Valid TipsterContact tipster) {

    LeadSubmission toSubmission() {
        return new LeadSubmission(LeadSource.PUBLIC_TIP, null, institution, description, amountInvolvedYuan, peopleInvolved,
            observedOn, tipster);
    }
}
