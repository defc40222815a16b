package gov.workplan.contracts.events;

import static gov.workplan.contracts.ContractLimits.AMOUNT_FRACTION_DIGITS;
import static gov.workplan.contracts.ContractLimits.AMOUNT_INTEGER_DIGITS;
import static gov.workplan.contracts.ContractLimits.CHECKSUM;
import static gov.workplan.contracts.ContractLimits.CODE;
import static gov.workplan.contracts.ContractLimits.DEADLINE_TEXT;
import static gov.workplan.contracts.ContractLimits.DESCRIPTION;
import static gov.workplan.contracts.ContractLimits.DOCUMENT_NUMBER;
import static gov.workplan.contracts.ContractLimits.ENUM_NAME;
import static gov.workplan.contracts.ContractLimits.INDICATOR_CODE;
import static gov.workplan.contracts.ContractLimits.INDICATOR_DESCRIPTION;
import static gov.workplan.contracts.ContractLimits.INDICATOR_NAME;
import static gov.workplan.contracts.ContractLimits.ISSUER;
import static gov.workplan.contracts.ContractLimits.MAX_SECTION;
import static gov.workplan.contracts.ContractLimits.MAX_YEAR;
import static gov.workplan.contracts.ContractLimits.MIN_YEAR;
import static gov.workplan.contracts.ContractLimits.NAME;
import static gov.workplan.contracts.ContractLimits.REASON;
import static gov.workplan.contracts.ContractLimits.TASK_CODE;
import static gov.workplan.contracts.ContractLimits.TASK_TITLE;
import static gov.workplan.contracts.ContractLimits.TITLE;
import static gov.workplan.contracts.ContractLimits.UNIT_OF_MEASURE;
import static gov.workplan.contracts.ContractLimits.WORDING;
import static gov.workplan.contracts.ContractLimits.ZONE;
import static gov.workplan.contracts.ContractLimits.ACTOR;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * workplan.targets, owned by targets-service: plans, units, indicators, targets and tasks. Each payload
 * carries the full state its consumers need, so that no consumer ever calls targets-service back. Every
 * event is keyed by its plan's code, so one plan's events arrive in the order they were committed.
 */
public final class TargetsEvents {

    public static final String TOPIC = "workplan.targets";
    public static final int SCHEMA_VERSION = 1;

    public static final String UNIT_REGISTERED = "unit.registered";
    public static final String PLAN_REGISTERED = "plan.registered";
    public static final String INDICATOR_DEFINED = "indicator.defined";
    public static final String TARGET_SET = "target.set";
    public static final String TARGET_AMENDED = "target.amended";
    public static final String TASK_DEFINED = "task.defined";
    public static final String PLAN_IMPORT_COMPLETED = "plan.import-completed";

    private TargetsEvents() {
    }

    /** {@code unit.registered}: a unit taking part in the plan (sent for every unit of an imported plan). */
    public record UnitRegistered(
            @NotNull @Size(max = CODE) String code,
            @NotNull @Size(max = NAME) String nameZh,
            @NotNull @Size(max = NAME) String nameEn,
            @NotNull @Size(max = ENUM_NAME) String category,
            @Size(max = CODE) String parent) {
    }

    /** {@code plan.registered}: first event of an import; the counts say what the import will send. */
    public record PlanRegistered(
            @NotNull @Size(max = CODE) String code,
            @NotNull @Size(max = TITLE) String title,
            @Size(max = TITLE) String titleEn,
            @Size(max = DOCUMENT_NUMBER) String documentNumber,
            @Size(max = ISSUER) String issuer,
            @Size(max = ISSUER) String issuerEn,
            LocalDate issuedOn,
            LocalDate publishedOn,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int spanFrom,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int spanTo,
            @NotNull @Size(max = CODE) String topUnit,
            @NotNull @Size(max = CODE) String officeUnit,
            @Size(max = CODE) String approverUnit,
            @NotNull List<@Valid Industry> industries,
            @NotNull @Valid Reporting reporting,
            @NotNull @Valid Counts counts) {
    }

    public record Industry(
            @NotNull @Size(max = CODE) String code,
            @NotNull @Size(max = NAME) String nameZh,
            @NotNull @Size(max = NAME) String nameEn) {
    }

    /** The plan's reporting rule: e.g. quarterly, before the 10th of the first month of the next quarter. */
    public record Reporting(
            @NotNull @Size(max = ENUM_NAME) String frequency,
            @Min(1) @Max(3) int dueMonthOfNextQuarter,
            @Min(1) @Max(28) int dueDayOfMonth,
            @NotNull @Size(max = ZONE) String zone,
            @NotNull @Size(max = CODE) String recipientUnit) {
    }

    public record Counts(@Min(0) int units, @Min(0) int indicators, @Min(0) int targets, @Min(0) int tasks) {
    }

    /** {@code indicator.defined}. */
    public record IndicatorDefined(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = INDICATOR_CODE) String code,
            @NotNull @Size(max = INDICATOR_NAME) String nameZh,
            @NotNull @Size(max = INDICATOR_NAME) String nameEn,
            @Size(max = CODE) String industry,
            @NotNull @Size(max = UNIT_OF_MEASURE) String unitOfMeasure,
            @Size(max = UNIT_OF_MEASURE) String unitOfMeasureEn,
            @Size(max = ENUM_NAME) String caliber,
            List<@Size(max = INDICATOR_CODE) String> sumOf,
            @Size(max = INDICATOR_DESCRIPTION) String description) {
    }

    /** A target's value as the kind of target it is. */
    public record Value(
            @NotNull @Size(max = ENUM_NAME) String kind,
            @NotNull @DecimalMin("0") @Digits(integer = AMOUNT_INTEGER_DIGITS, fraction = AMOUNT_FRACTION_DIGITS) BigDecimal value,
            @DecimalMin("0") @Digits(integer = AMOUNT_INTEGER_DIGITS, fraction = AMOUNT_FRACTION_DIGITS) BigDecimal maxValue) {
    }

    /**
     * {@code target.set} (from an import: revision 0, no previous) and {@code target.amended}
     * (previous, reason, by and at filled). Consumers keep the highest revision they have seen.
     */
    public record TargetChanged(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = CODE) String unit,
            @NotNull @Size(max = INDICATOR_CODE) String indicator,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @NotNull @Size(max = ENUM_NAME) String kind,
            @NotNull @DecimalMin("0") @Digits(integer = AMOUNT_INTEGER_DIGITS, fraction = AMOUNT_FRACTION_DIGITS) BigDecimal value,
            @DecimalMin("0") @Digits(integer = AMOUNT_INTEGER_DIGITS, fraction = AMOUNT_FRACTION_DIGITS) BigDecimal maxValue,
            @NotNull @Size(max = UNIT_OF_MEASURE) String unitOfMeasure,
            @Min(0) int revision,
            @NotNull @Valid Value baseline,
            @Valid Value previous,
            @Size(max = WORDING) String wording,
            @NotNull @Size(max = ENUM_NAME) String source,
            @Size(max = REASON) String reason,
            @Size(max = ACTOR) String changedBy,
            Instant changedAt) {
    }

    public record Responsibility(@NotNull @Size(max = CODE) String unit, @NotNull @Size(max = ENUM_NAME) String role) {
    }

    /** {@code task.defined}: a task with its units, lead first. */
    public record TaskDefined(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = TASK_CODE) String code,
            @Size(max = TASK_CODE) String parent,
            @Min(1) @Max(MAX_SECTION) int section,
            @Size(max = TASK_TITLE) String title,
            @Size(max = TASK_TITLE) String titleEn,
            @Size(max = DESCRIPTION) String description,
            LocalDate deadline,
            @Size(max = DEADLINE_TEXT) String deadlineText,
            @NotNull List<@Valid Responsibility> responsible) {
    }

    /** {@code plan.import-completed}: the last event of an import; the plan is whole once it arrives. */
    public record PlanImportCompleted(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = CHECKSUM) String checksum,
            @NotNull @Valid Counts counts) {
    }

    public static final Topic CONTRACT = new Topic(TOPIC, "targets-service", SCHEMA_VERSION, Map.of(
            UNIT_REGISTERED, UnitRegistered.class,
            PLAN_REGISTERED, PlanRegistered.class,
            INDICATOR_DEFINED, IndicatorDefined.class,
            TARGET_SET, TargetChanged.class,
            TARGET_AMENDED, TargetChanged.class,
            TASK_DEFINED, TaskDefined.class,
            PLAN_IMPORT_COMPLETED, PlanImportCompleted.class));
}
