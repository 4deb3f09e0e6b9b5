package cn.elderguard.lead;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A lead as a source submits it. Text is stored as given and always shown escaped, never interpreted as
 * markup. Field rules here; rules that need the database in {@link IntakeService}.
 */
public record LeadSubmission(
    @NotNull(message = "必填") LeadSource source,
    @Size(max = 200, message = "不能超过 200 个字符") String reference,
    @NotNull(message = "必填") @Valid ReportedInstitution institution,
    @NotBlank(message = "必填") @Size(max = 20_000, message = "不能超过 20000 个字符") String description,
    @PositiveOrZero(message = "不能为负数") @DecimalMax(value = "10000000000", message = "不能超过 100 亿元")
    @Digits(integer = 11, fraction = 2, message = "金额以元为单位，最多保留 2 位小数") BigDecimal amountInvolvedYuan,
    @PositiveOrZero(message = "不能为负数") @Max(value = 10_000_000, message = "不能超过 1000 万人") Integer peopleInvolved,
    @PastOrPresent(message = "不能晚于今天") LocalDate observedOn,
    @Valid TipsterContact tipster) {

    /** The institution as the lead names it; matched against the registry at intake. */
    public record ReportedInstitution(
        @NotBlank(message = "必填") @Size(max = 200, message = "不能超过 200 个字符") String name,
        @Size(max = 18, message = "须为 18 位") String creditCode,
        @Size(max = 500, message = "不能超过 500 个字符") String address,
        @NotBlank(message = "必填") @Pattern(regexp = "[0-9]{12}", message = "区划代码须为 12 位数字") String jurisdiction) {
    }

    /** A tipster who chose to leave contact details; readable only by the 处非办 handling the case. */
    public record TipsterContact(
        @Size(max = 50, message = "不能超过 50 个字符") String name,
        @Pattern(regexp = "[0-9+\\- ]{5,32}", message = "电话号码格式不正确") String phone,
        @Email(message = "电子邮箱格式不正确") @Size(max = 254, message = "不能超过 254 个字符") String email) {

        boolean isEmpty() {
            return isBlank(name) && isBlank(phone) && isBlank(email);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
