package gov.workplan.targets.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.Target;
import gov.workplan.targets.domain.TargetKind;
import gov.workplan.targets.domain.TargetSource;
import gov.workplan.targets.domain.TargetValue;

@Schema(name = "Target", description = "A target (目标) of a unit for an indicator and year, with its baseline.")
public record TargetView(
        @Schema(example = "szfb-2010-98") String plan,
        @Schema(example = "futian") String unit,
        @Schema(example = "福田区") String unitNameZh,
        @Schema(example = "Futian District") String unitNameEn,
        @Schema(example = "scale.bio") String indicator,
        @Schema(example = "生物产业规模") String indicatorNameZh,
        @Schema(example = "Biotech industry scale") String indicatorNameEn,
        @Schema(example = "2012") int year,
        TargetKind kind,
        @Schema(example = "30") BigDecimal value,
        @Schema(description = "Upper bound, for a RANGE target.") BigDecimal maxValue,
        @Schema(example = "亿元") String unitOfMeasure,
        @Schema(description = "The plan's phrase this target was read from, when it comes from the text.") String wording,
        TargetSource source,
        @Schema(description = "0 for the baseline; each amendment adds one.", example = "0") int revision,
        @Schema(description = "The value the plan document set.") ValueView baseline,
        boolean amended,
        Instant updatedAt) {

    @Schema(name = "TargetValue")
    public record ValueView(TargetKind kind, BigDecimal value, BigDecimal maxValue) {

        static ValueView of(TargetValue v) {
            return new ValueView(v.kind(), TargetValue.plain(v.value()), TargetValue.plain(v.maxValue()));
        }
    }

    static TargetView of(Target t) {
        return new TargetView(t.planCode, t.unit.code, t.unit.nameZh, t.unit.nameEn, t.indicator.code,
                t.indicator.nameZh, t.indicator.nameEn, t.year, t.kind, TargetValue.plain(t.value),
                TargetValue.plain(t.maxValue), t.indicator.unitOfMeasure, t.wording, t.source, t.revision,
                ValueView.of(t.baseline()), t.revision > 0, t.updatedAt);
    }
}
