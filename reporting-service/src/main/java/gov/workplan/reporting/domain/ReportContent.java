package gov.workplan.reporting.domain;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.contracts.ContractLimits;
import gov.workplan.contracts.events.ReportingEvents;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** What a report says: year-to-date actuals per indicator and the progress of each task. */
@Schema(name = "ReportContent")
public record ReportContent(
        @Schema(description = "Year-to-date actual per indicator of the unit for the period's year.")
        @Size(max = MAX_ITEMS) List<@Valid IndicatorValue> indicators,
        @Schema(description = "Progress of each of the unit's tasks.") @Size(max = MAX_ITEMS) List<@Valid TaskProgress> tasks) {

    /** The declared limits of a report's fields: the API, the workbook reader and the rules use these. */
    public static final int MAX_ITEMS = ContractLimits.REPORT_ITEMS;
    public static final int MAX_CODE = ContractLimits.REPORT_CODE;
    public static final int MAX_EXPLANATION = ContractLimits.EXPLANATION;
    public static final int MAX_NOTE = ContractLimits.NOTE;
    public static final int MAX_URL = ContractLimits.URL;

    public static final ReportContent EMPTY = new ReportContent(List.of(), List.of());

    public List<IndicatorValue> indicatorsOrEmpty() {
        return indicators == null ? List.of() : indicators;
    }

    public List<TaskProgress> tasksOrEmpty() {
        return tasks == null ? List.of() : tasks;
    }

    /** As workplan.reporting carries it (the contract's record, the same fields). */
    public ReportingEvents.Content asEvent() {
        return new ReportingEvents.Content(
                indicators == null ? null : indicators.stream()
                        .map(i -> new ReportingEvents.IndicatorValue(i.indicator(), i.value(), i.explanation())).toList(),
                tasks == null ? null : tasks.stream().map(t -> new ReportingEvents.TaskProgress(t.task(),
                        t.progress() == null ? null : t.progress().name(), t.note(), t.evidenceUrl())).toList());
    }

    @Schema(name = "IndicatorValue")
    public record IndicatorValue(
            @Schema(example = "scale.bio") @Size(max = MAX_CODE) String indicator,
            @Schema(description = "Year-to-date actual, in the indicator's unit of measure.", example = "12.5") BigDecimal value,
            @Schema(description = "Required when the value is below the previous quarter's year-to-date value.")
            @Size(max = MAX_EXPLANATION) String explanation) {
    }

    @Schema(name = "TaskProgress")
    public record TaskProgress(
            @Schema(example = "3.1.1") @Size(max = MAX_CODE) String task,
            Progress progress,
            @Schema(example = "基地规划已报市政府审议") @Size(max = MAX_NOTE) String note,
            @Schema(description = "Optional link to evidence (http or https).") @Size(max = MAX_URL) String evidenceUrl) {
    }

    public enum Progress {
        NOT_STARTED, IN_PROGRESS, DONE, BLOCKED
    }
}
