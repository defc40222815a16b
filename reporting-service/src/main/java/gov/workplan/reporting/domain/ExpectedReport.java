package gov.workplan.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a unit owes for a period: a value for every indicator it has a target for in the period's
 * year, and the progress of every task it leads or shares.
 */
@Schema(name = "ExpectedReport")
public record ExpectedReport(
        @Schema(example = "futian") String unit,
        @Schema(example = "福田区") String unitNameZh,
        @Schema(example = "DISTRICT") String category,
        List<ExpectedIndicator> indicators,
        List<ExpectedTask> tasks) {

    @Schema(name = "ExpectedIndicator")
    public record ExpectedIndicator(@Schema(example = "scale.bio") String indicator, String nameZh,
            @Schema(example = "亿元") String unitOfMeasure, String targetKind, BigDecimal target) {
    }

    @Schema(name = "ExpectedTask")
    public record ExpectedTask(@Schema(example = "3.1.1") String task, String title,
            @Schema(example = "LEAD") String role, LocalDate deadline) {
    }
}
