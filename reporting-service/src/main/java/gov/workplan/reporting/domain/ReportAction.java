package gov.workplan.reporting.domain;

import java.util.Set;

/** What can happen to a report, and from which states. Anything else is a forbidden transition (409). */
public enum ReportAction {
    CREATE(Set.of(), ReportStatus.DRAFT),
    EDIT(Set.of(ReportStatus.DRAFT, ReportStatus.RETURNED), null),
    SUBMIT(Set.of(ReportStatus.DRAFT, ReportStatus.RETURNED), ReportStatus.SUBMITTED),
    ACCEPT(Set.of(ReportStatus.SUBMITTED), ReportStatus.ACCEPTED),
    RETURN(Set.of(ReportStatus.SUBMITTED), ReportStatus.RETURNED),
    /** The office corrects an accepted report itself, with a reason. */
    CORRECT(Set.of(ReportStatus.ACCEPTED), ReportStatus.ACCEPTED),
    /** The unit asks to correct an accepted report; the office accepts or returns the request. */
    REQUEST_CORRECTION(Set.of(ReportStatus.ACCEPTED), ReportStatus.CORRECTION_REQUESTED),
    ACCEPT_CORRECTION(Set.of(ReportStatus.CORRECTION_REQUESTED), ReportStatus.ACCEPTED),
    RETURN_CORRECTION(Set.of(ReportStatus.CORRECTION_REQUESTED), ReportStatus.ACCEPTED),
    IMPORT(Set.of(), ReportStatus.ACCEPTED);

    private final Set<ReportStatus> from;
    private final ReportStatus to;

    ReportAction(Set<ReportStatus> from, ReportStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(ReportStatus status) {
        return from.contains(status);
    }

    /** The status after the action; an edit keeps the status it found. */
    public ReportStatus next(ReportStatus current) {
        return to == null ? current : to;
    }

    public Set<ReportStatus> from() {
        return from;
    }
}
