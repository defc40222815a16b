package gov.workplan.reporting.events;

import gov.workplan.common.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records reporting-service's events in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ReportingPublisher {

    @Inject
    Outbox outbox;

    public void reportChanged(String type, ReportingEvents.ReportChanged change) {
        outbox.append(ReportingTopic.NAME, change.plan(), change.plan(), type, ReportingEvents.SCHEMA_VERSION, change);
    }

    public void reportDueSoon(ReportingEvents.ReportDueSoon reminder) {
        outbox.append(ReportingTopic.NAME, reminder.plan(), reminder.plan(), ReportingTopic.REPORT_DUE_SOON,
                ReportingEvents.SCHEMA_VERSION, reminder);
    }

    public void reportOverdue(ReportingEvents.ReportOverdue overdue) {
        outbox.append(ReportingTopic.NAME, overdue.plan(), overdue.plan(), ReportingTopic.REPORT_OVERDUE,
                ReportingEvents.SCHEMA_VERSION, overdue);
    }
}
