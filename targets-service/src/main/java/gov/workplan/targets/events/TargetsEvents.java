package gov.workplan.targets.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Payloads of the events on {@link TargetsTopic#NAME}, all at schema version 1. Each carries the
 * full state its consumer needs, so that no consumer ever calls targets-service back.
 */
public final class TargetsEvents {

    public static final int SCHEMA_VERSION = 1;

    private TargetsEvents() {
    }

    /** {@code unit.registered}: a unit taking part in the plan (sent for every unit of an imported plan). */
    public record UnitRegistered(String code, String nameZh, String nameEn, String category, String parent) {
    }

    /** {@code plan.registered}: first event of an import; the counts say what the import will send. */
    public record PlanRegistered(String code, String title, String titleEn, String documentNumber, String issuer,
            String issuerEn, LocalDate issuedOn, LocalDate publishedOn, int spanFrom, int spanTo, String topUnit,
            String officeUnit, String approverUnit, List<Industry> industries, Reporting reporting, Counts counts) {
    }

    public record Industry(String code, String nameZh, String nameEn) {
    }

    public record Reporting(String frequency, int dueMonthOfNextQuarter, int dueDayOfMonth, String zone,
            String recipientUnit) {
    }

    public record Counts(int units, int indicators, int targets, int tasks) {
    }

    /** {@code indicator.defined}. */
    public record IndicatorDefined(String plan, String code, String nameZh, String nameEn, String industry,
            String unitOfMeasure, String unitOfMeasureEn, String caliber, List<String> sumOf, String description) {
    }

    /** A target's value as the kind of target it is. */
    public record Value(String kind, BigDecimal value, BigDecimal maxValue) {
    }

    /**
     * {@code target.set} (from an import: revision 0, no previous) and {@code target.amended}
     * (previous, reason, by and at filled). Consumers keep the highest revision they have seen.
     */
    public record TargetChanged(String plan, String unit, String indicator, int year, String kind, BigDecimal value,
            BigDecimal maxValue, String unitOfMeasure, int revision, Value baseline, Value previous, String wording,
            String source, String reason, String changedBy, Instant changedAt) {
    }

    public record Responsibility(String unit, String role) {
    }

    /** {@code task.defined}: a task with its units, lead first. */
    public record TaskDefined(String plan, String code, String parent, int section, String title, String titleEn,
            String description, LocalDate deadline, String deadlineText, List<Responsibility> responsible) {
    }

    /** {@code plan.import-completed}: the last event of an import; the plan is whole once it arrives. */
    public record PlanImportCompleted(String plan, String checksum, Counts counts) {
    }
}
