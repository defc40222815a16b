package gov.workplan.contracts.events;

import static gov.workplan.contracts.ContractLimits.ACTOR;
import static gov.workplan.contracts.ContractLimits.AMOUNT_FRACTION_DIGITS;
import static gov.workplan.contracts.ContractLimits.AMOUNT_INTEGER_DIGITS;
import static gov.workplan.contracts.ContractLimits.CODE;
import static gov.workplan.contracts.ContractLimits.ENUM_NAME;
import static gov.workplan.contracts.ContractLimits.EXPLANATION;
import static gov.workplan.contracts.ContractLimits.MAX_YEAR;
import static gov.workplan.contracts.ContractLimits.MIN_YEAR;
import static gov.workplan.contracts.ContractLimits.NOTE;
import static gov.workplan.contracts.ContractLimits.PERIOD;
import static gov.workplan.contracts.ContractLimits.REASON;
import static gov.workplan.contracts.ContractLimits.REPORT_CODE;
import static gov.workplan.contracts.ContractLimits.REPORT_ITEMS;
import static gov.workplan.contracts.ContractLimits.URL;
import static gov.workplan.contracts.ContractLimits.WARNING_FIELD;
import static gov.workplan.contracts.ContractLimits.WARNING_MESSAGE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** workplan.reporting, owned by reporting-service: reports, reminders and overdue notices. */
public final class ReportingEvents {

    public static final String TOPIC = "workplan.reporting";
    public static final int SCHEMA_VERSION = 1;

    public static final String REPORT_SUBMITTED = "report.submitted";
    public static final String REPORT_ACCEPTED = "report.accepted";
    public static final String REPORT_RETURNED = "report.returned";
    public static final String REPORT_CORRECTED = "report.corrected";
    public static final String REPORT_IMPORTED = "report.imported";
    public static final String REPORT_OVERDUE = "report.overdue";
    public static final String REPORT_DUE_SOON = "report.due-soon";
    public static final String PERIOD_OPENED = "period.opened";
    /**
     * report.due-soon is at version 2: its officers are ids, no longer names, phones and e-mails (version 1 put
     * personal data on a topic kept forever). Withdrawn, not migrated: no version 1 is published beside it; a
     * notification gateway reads the contact details by the officers' ids from reporting-service's audited
     * endpoint.
     */
    public static final int REPORT_DUE_SOON_VERSION = 2;

    private ReportingEvents() {
    }

    /**
     * A report as it stands after a change: submitted, accepted, returned, corrected or imported.
     * {@code version} grows with every change of the report, so a consumer keeps the highest; an imported
     * report, like a draft, is at version 0.
     */
    public record ReportChanged(
            @NotNull UUID reportId,
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = PERIOD) String period,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @Min(1) @Max(4) int quarter,
            @NotNull @Size(max = CODE) String unit,
            @Size(max = ENUM_NAME) String unitCategory,
            @NotNull @Size(max = ENUM_NAME) String status,
            @Min(0) int version,
            @NotNull @Valid Content content,
            List<@Valid Warning> warnings,
            @Size(max = REASON) String reason,
            @Size(max = ACTOR) String actor,
            Instant at,
            Instant firstSubmittedAt,
            @Size(max = ENUM_NAME) String timeliness,
            @Min(0) Long lateBySeconds,
            LocalDate dueDate,
            Instant deadline,
            boolean imported) {
    }

    /** What a report says: year-to-date actuals per indicator and the progress of each task. */
    public record Content(
            @Size(max = REPORT_ITEMS) List<@Valid IndicatorValue> indicators,
            @Size(max = REPORT_ITEMS) List<@Valid TaskProgress> tasks) {
    }

    public record IndicatorValue(
            @NotNull @Size(max = REPORT_CODE) String indicator,
            @DecimalMin("0") @Digits(integer = AMOUNT_INTEGER_DIGITS, fraction = AMOUNT_FRACTION_DIGITS) BigDecimal value,
            @Size(max = EXPLANATION) String explanation) {
    }

    public record TaskProgress(
            @NotNull @Size(max = REPORT_CODE) String task,
            @Size(max = ENUM_NAME) String progress,
            @Size(max = NOTE) String note,
            @Size(max = URL) String evidenceUrl) {
    }

    /** A finding of the submission rules that does not stop a report, e.g. a sharp jump from the last quarter. */
    public record Warning(@Size(max = WARNING_FIELD) String field, @Size(max = WARNING_MESSAGE) String message) {
    }

    /**
     * A unit expected to report had not submitted when the period's deadline passed: the escalation to
     * the plan's office ({@code recipientUnit}).
     */
    public record ReportOverdue(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = PERIOD) String period,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @Min(1) @Max(4) int quarter,
            @NotNull @Size(max = CODE) String unit,
            @Size(max = ENUM_NAME) String unitCategory,
            LocalDate dueDate,
            Instant deadline,
            @Size(max = CODE) String recipientUnit,
            Instant noticedAt) {
    }

    /**
     * The deadline is near and the unit has not submitted: a reminder to its information officers, named by id
     * (schema version {@link #REPORT_DUE_SOON_VERSION}).
     */
    public record ReportDueSoon(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = PERIOD) String period,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @Min(1) @Max(4) int quarter,
            @NotNull @Size(max = CODE) String unit,
            @Size(max = ENUM_NAME) String unitCategory,
            LocalDate dueDate,
            Instant deadline,
            List<@Valid Officer> officers,
            Instant noticedAt) {

        /** An information officer by id: the contact details are read from GET /api/v1/units/{unit}/officers. */
        public record Officer(@NotNull @Min(1) Long id) {
        }
    }

    /**
     * A period's reporting window opened (the day after its quarter ends, in the plan's zone): its reports are due
     * by {@code deadline}. Once per plan and period, ever. Consumers prepare the period then — assessment computes
     * every unit's standing before the first report arrives — rather than on the path of that report.
     */
    public record PeriodOpened(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = PERIOD) String period,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @Min(1) @Max(4) int quarter,
            LocalDate dueDate,
            @NotNull Instant deadline,
            Instant openedAt) {
    }

    public static final Topic CONTRACT = new Topic(TOPIC, "reporting-service", SCHEMA_VERSION, Map.of(
            REPORT_SUBMITTED, ReportChanged.class,
            REPORT_ACCEPTED, ReportChanged.class,
            REPORT_RETURNED, ReportChanged.class,
            REPORT_CORRECTED, ReportChanged.class,
            REPORT_IMPORTED, ReportChanged.class,
            REPORT_OVERDUE, ReportOverdue.class,
            REPORT_DUE_SOON, ReportDueSoon.class,
            PERIOD_OPENED, PeriodOpened.class), Map.of(REPORT_DUE_SOON, REPORT_DUE_SOON_VERSION));
}
