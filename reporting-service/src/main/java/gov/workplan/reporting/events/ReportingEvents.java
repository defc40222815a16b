package gov.workplan.reporting.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.workplan.reporting.domain.ReportContent;
import gov.workplan.reporting.domain.SubmissionRules.Warning;

/** Payloads of workplan.reporting, schema version 1. Each carries everything assessment needs. */
public final class ReportingEvents {

    public static final int SCHEMA_VERSION = 1;

    private ReportingEvents() {
    }

    /**
     * A report as it stands after a change: submitted, accepted, returned, corrected or imported.
     * {@code version} grows with every change of the report, so a consumer keeps the highest.
     */
    public record ReportChanged(UUID reportId, String plan, String period, int year, int quarter, String unit,
            String unitCategory, String status, int version, ReportContent content, List<Warning> warnings,
            String reason, String actor, Instant at, Instant firstSubmittedAt, String timeliness,
            Long lateBySeconds, LocalDate dueDate, Instant deadline, boolean imported) {
    }

    /**
     * A unit expected to report had not submitted when the period's deadline passed: the escalation to
     * the plan's office ({@code recipientUnit}).
     */
    public record ReportOverdue(String plan, String period, int year, int quarter, String unit, String unitCategory,
            LocalDate dueDate, Instant deadline, String recipientUnit, Instant noticedAt) {
    }

    /** The deadline is near and the unit has not submitted: a reminder to its information officers. */
    public record ReportDueSoon(String plan, String period, int year, int quarter, String unit, String unitCategory,
            LocalDate dueDate, Instant deadline, List<Officer> officers, Instant noticedAt) {

        public record Officer(String name, String phone, String email) {
        }
    }
}
