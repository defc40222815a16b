package gov.workplan.reporting.events;

import gov.workplan.common.events.Outbox;
import gov.workplan.contracts.events.ReportingEvents;
import gov.workplan.reporting.domain.ReportEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records reporting-service's events in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ReportingPublisher implements ReportEvents {

    @Inject
    Outbox outbox;

    @Override
    public void reportChanged(String type, ReportingEvents.ReportChanged change) {
        outbox.append(ReportingEvents.TOPIC, change.plan(), change.plan(), type, ReportingEvents.SCHEMA_VERSION, change);
    }

    @Override
    public void reportDueSoon(ReportingEvents.ReportDueSoon reminder) {
        outbox.append(ReportingEvents.TOPIC, reminder.plan(), reminder.plan(), ReportingEvents.REPORT_DUE_SOON,
                ReportingEvents.REPORT_DUE_SOON_VERSION, reminder);
    }

    @Override
    public void reportOverdue(ReportingEvents.ReportOverdue overdue) {
        outbox.append(ReportingEvents.TOPIC, overdue.plan(), overdue.plan(), ReportingEvents.REPORT_OVERDUE,
                ReportingEvents.SCHEMA_VERSION, overdue);
    }
}
