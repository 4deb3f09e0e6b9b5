package cn.elderguard.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A publicity activity as a unit records it (docs/domain.md §2.7); the date's range is checked by {@link PublicityActivities}. */
public record PublicityInput(
    @NotNull(message = "必填（活动日期）") LocalDate heldOn,
    @NotBlank(message = "必填（活动地点）") @Size(max = 200, message = "不能超过 200 个字") String place,
    @NotNull(message = "必填（宣传形式）") PublicityForm form,
    @NotNull(message = "必填，没有请填 0") @PositiveOrZero(message = "不能为负数") @Max(value = 10_000_000, message = "不能超过 10000000")
    Integer materialsHandedOut,
    @NotNull(message = "必填，没有请填 0") @PositiveOrZero(message = "不能为负数") @Max(value = 10_000_000, message = "不能超过 10000000")
    Integer peopleReached,
    @Size(max = 2000, message = "不能超过 2000 个字") String notes) {
}
