package gov.workplan.reporting.events;

/** The topic reporting-service publishes on, and its event types. Payloads: {@link ReportingEvents}. */
public final class ReportingTopic {

    public static final String NAME = "workplan.reporting";
    public static final String REPORT_SUBMITTED = "report.submitted";
    public static final String REPORT_ACCEPTED = "report.accepted";
    public static final String REPORT_RETURNED = "report.returned";
    public static final String REPORT_CORRECTED = "report.corrected";
    public static final String REPORT_IMPORTED = "report.imported";
    public static final String REPORT_OVERDUE = "report.overdue";
    public static final String REPORT_DUE_SOON = "report.due-soon";

    private ReportingTopic() {
    }
}
