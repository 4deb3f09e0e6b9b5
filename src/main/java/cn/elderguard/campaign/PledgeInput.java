package cn.elderguard.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A signed pledge letter (拒绝非法集资承诺书, docs/domain.md §2.8) of one institution of the unit's registry. */
public record PledgeInput(
    @NotNull(message = "必填（机构台账中的机构编号）") @Positive(message = "须为机构台账中的机构编号") Long institutionId,
    @NotNull(message = "必填（签订日期）") LocalDate signedOn) {
}
