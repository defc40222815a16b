package gov.workplan.reporting.domain;

/** Where a report (报送) stands in its cycle. */
public enum ReportStatus {
    /** Being written by the unit; not yet seen by the office. */
    DRAFT,
    /** Handed in; the office reviews it. */
    SUBMITTED,
    /** Sent back by the office with a reason; the unit edits and resubmits. */
    RETURNED,
    /** Taken by the office; changes only through a correction with a reason. */
    ACCEPTED
}
