package cn.elderguard.institution;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An institution as the API, the page and the screening-list import give it; checked by Bean Validation
 * (field rules) and {@link InstitutionService} (rules that need the database).
 */
public record InstitutionInput(
    @NotBlank(message = "必填") @Size(max = 200, message = "不能超过 200 个字符") String name,
    @Size(max = 18, message = "须为 18 位") String creditCode,
    @NotNull(message = "必填（是否已登记）") Boolean registered,
    Ownership ownership,
    LegalForm legalForm,
    @Size(max = 32, message = "不能超过 32 个字符") String sector,
    @NotBlank(message = "必填") @Pattern(regexp = "[0-9]{12}", message = "区划代码须为 12 位数字") String jurisdiction,
    @Size(max = 500, message = "不能超过 500 个字符") String address,
    @PositiveOrZero(message = "不能为负数") @Max(value = 100_000, message = "不能超过 100000") Integer beds,
    @PositiveOrZero(message = "不能为负数") @Max(value = 100_000, message = "不能超过 100000") Integer residents,
    @PositiveOrZero(message = "不能为负数") @DecimalMax(value = "10000000000", message = "不能超过 100 亿元")
    @Digits(integer = 11, fraction = 2, message = "金额以元为单位，最多保留 2 位小数") BigDecimal prepaidFeesYuan,
    @Size(max = 2000, message = "不能超过 2000 个字符") String relatedCompanies,
    @PastOrPresent(message = "不能晚于今天") LocalDate pledgeSignedOn,
    @Pattern(regexp = "[0-9]{12}", message = "区划代码须为 12 位数字") String registeredElsewhere) {
}
