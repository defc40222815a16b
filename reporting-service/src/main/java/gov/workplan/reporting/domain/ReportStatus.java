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
    ACCEPTED,
    /**
     * Accepted, and the unit has asked to correct it (申请更正): the accepted figures still count until the
     * office accepts the correction; if it returns it, the report is simply ACCEPTED again.
     */
    CORRECTION_REQUESTED;

    /** Whether the office has taken the figures this report now holds (they count as reviewed). */
    public boolean accepted() {
        return this == ACCEPTED || this == CORRECTION_REQUESTED;
    }
}
