package gov.workplan.targets.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.Caliber;
import gov.workplan.targets.domain.Indicator;

@Schema(name = "Indicator", description = "A quantitative goal (指标) of a plan.")
public record IndicatorView(
        @Schema(example = "scale.bio") String code,
        @Schema(example = "生物产业规模") String nameZh,
        @Schema(example = "Biotech industry scale") String nameEn,
        @Schema(example = "bio") String industry,
        @Schema(example = "亿元") String unitOfMeasure,
        @Schema(example = "100 million yuan") String unitOfMeasureEn,
        @Schema(description = "Statistical caliber (统计口径).") Caliber caliber,
        @Schema(description = "Indicators this one is the sum of.") List<String> sumOf,
        String description) {

    static IndicatorView of(Indicator i) {
        return new IndicatorView(i.code, i.nameZh, i.nameEn, i.industryCode, i.unitOfMeasure, i.unitOfMeasureEn,
                i.caliber, List.copyOf(i.sumOf), i.description);
    }
}
