package gov.workplan.reporting.domain;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a report says: year-to-date actuals per indicator and the progress of each task. */
@Schema(name = "ReportContent")
public record ReportContent(
        @Schema(description = "Year-to-date actual per indicator of the unit for the period's year.") List<IndicatorValue> indicators,
        @Schema(description = "Progress of each of the unit's tasks.") List<TaskProgress> tasks) {

    public static final ReportContent EMPTY = new ReportContent(List.of(), List.of());

    public List<IndicatorValue> indicatorsOrEmpty() {
        return indicators == null ? List.of() : indicators;
    }

    public List<TaskProgress> tasksOrEmpty() {
        return tasks == null ? List.of() : tasks;
    }

    @Schema(name = "IndicatorValue")
    public record IndicatorValue(
            @Schema(example = "scale.bio") String indicator,
            @Schema(description = "Year-to-date actual, in the indicator's unit of measure.", example = "12.5") BigDecimal value,
            @Schema(description = "Required when the value is below the previous quarter's year-to-date value.") String explanation) {
    }

    @Schema(name = "TaskProgress")
    public record TaskProgress(
            @Schema(example = "3.1.1") String task,
            Progress progress,
            @Schema(example = "基地规划已报市政府审议") String note,
            @Schema(description = "Optional link to evidence (http or https).") String evidenceUrl) {
    }

    public enum Progress {
        NOT_STARTED, IN_PROGRESS, DONE, BLOCKED
    }
}
