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
        outbox.append(ReportingEvents.CONTRACT, change.plan(), change.plan(), type, change);
    }

    @Override
    public void reportDueSoon(ReportingEvents.ReportDueSoon reminder) {
        outbox.append(ReportingEvents.CONTRACT, reminder.plan(), reminder.plan(), ReportingEvents.REPORT_DUE_SOON,
                reminder);
    }

    @Override
    public void reportOverdue(ReportingEvents.ReportOverdue overdue) {
        outbox.append(ReportingEvents.CONTRACT, overdue.plan(), overdue.plan(), ReportingEvents.REPORT_OVERDUE,
                overdue);
    }

    @Override
    public void periodOpened(ReportingEvents.PeriodOpened opened) {
        outbox.append(ReportingEvents.CONTRACT, opened.plan(), opened.plan(), ReportingEvents.PERIOD_OPENED, opened);
    }
}
