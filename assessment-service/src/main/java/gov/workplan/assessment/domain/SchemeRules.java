package gov.workplan.assessment.domain;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.common.problem.FieldErrors;

/**
 * An assessment scheme's rules (考核指标体系) for one unit category: how much indicator completion,
 * task completion and reporting timeliness weigh, how far over-achievement counts, what "about"
 * tolerates, where the status thresholds lie, and what late and missing reports cost.
 */
@Schema(name = "SchemeRules")
public record SchemeRules(
        @Schema(description = "Relative weights of the three components.") Weights weights,
        @Schema(description = "Progress above this counts as this (over-achievement is capped).", example = "1.2") BigDecimal progressCap,
        @Schema(description = "An ABOUT (左右) target within this fraction below counts as on track.", example = "0.05") BigDecimal aboutTolerance,
        Thresholds thresholds,
        @Schema(description = "Points off the timeliness component per late report in the year.", example = "5") BigDecimal latePenalty,
        @Schema(description = "Points off per missing report in the year.", example = "15") BigDecimal missingPenalty,
        @Schema(description = "Weight of a task a unit only co-responsible for (配合), against 1 for a lead task.", example = "0") BigDecimal coResponsibleWeight) {

    @Schema(name = "SchemeWeights")
    public record Weights(@Schema(example = "60") BigDecimal indicators, @Schema(example = "25") BigDecimal tasks,
            @Schema(example = "15") BigDecimal timeliness) {
    }

    /** Progress (completion ÷ time progress) at or above {@code ahead} is AHEAD, and so on down; below {@code behind} AT_RISK. */
    @Schema(name = "SchemeThresholds")
    public record Thresholds(@Schema(example = "1.1") BigDecimal ahead, @Schema(example = "1.0") BigDecimal onTrack,
            @Schema(example = "0.8") BigDecimal behind) {
    }

    /** The default scheme, loaded with every plan: see README "Scoring". */
    public static final SchemeRules DEFAULT = new SchemeRules(
            new Weights(new BigDecimal("60"), new BigDecimal("25"), new BigDecimal("15")),
            new BigDecimal("1.2"), new BigDecimal("0.05"),
            new Thresholds(new BigDecimal("1.1"), new BigDecimal("1.0"), new BigDecimal("0.8")),
            new BigDecimal("5"), new BigDecimal("15"), BigDecimal.ZERO);

    public FieldErrors check(String prefix) {
        FieldErrors errors = new FieldErrors();
        if (weights == null) {
            errors.add(prefix + "weights", "is required");
        } else {
            nonNegative(weights.indicators(), prefix + "weights.indicators", errors);
            nonNegative(weights.tasks(), prefix + "weights.tasks", errors);
            nonNegative(weights.timeliness(), prefix + "weights.timeliness", errors);
            if (errors.isEmpty() && weights.indicators().add(weights.tasks()).add(weights.timeliness()).signum() == 0) {
                errors.add(prefix + "weights", "must not all be zero");
            }
        }
        if (progressCap == null || progressCap.compareTo(BigDecimal.ONE) < 0 || progressCap.compareTo(BigDecimal.TEN) > 0) {
            errors.add(prefix + "progressCap", "must be from 1 to 10");
        }
        if (aboutTolerance == null || aboutTolerance.signum() < 0 || aboutTolerance.compareTo(BigDecimal.ONE) >= 0) {
            errors.add(prefix + "aboutTolerance", "must be at least 0 and below 1");
        }
        if (thresholds == null) {
            errors.add(prefix + "thresholds", "is required");
        } else if (thresholds.ahead() == null || thresholds.onTrack() == null || thresholds.behind() == null
                || thresholds.behind().signum() < 0 || thresholds.onTrack().compareTo(thresholds.behind()) < 0
                || thresholds.ahead().compareTo(thresholds.onTrack()) < 0) {
            errors.add(prefix + "thresholds", "must be given with 0 ≤ behind ≤ onTrack ≤ ahead");
        }
        nonNegative(latePenalty, prefix + "latePenalty", errors);
        nonNegative(missingPenalty, prefix + "missingPenalty", errors);
        if (coResponsibleWeight == null || coResponsibleWeight.signum() < 0 || coResponsibleWeight.compareTo(BigDecimal.ONE) > 0) {
            errors.add(prefix + "coResponsibleWeight", "must be from 0 to 1");
        }
        return errors;
    }

    private static void nonNegative(BigDecimal value, String field, FieldErrors errors) {
        if (value == null || value.signum() < 0 || value.compareTo(new BigDecimal("1000")) > 0) {
            errors.add(field, "must be a number from 0 to 1000");
        }
    }
}
