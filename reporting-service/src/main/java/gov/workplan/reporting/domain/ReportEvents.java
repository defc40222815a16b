package gov.workplan.reporting.domain;

import gov.workplan.contracts.events.ReportingEvents.PeriodOpened;
import gov.workplan.contracts.events.ReportingEvents.ReportChanged;
import gov.workplan.contracts.events.ReportingEvents.ReportDueSoon;
import gov.workplan.contracts.events.ReportingEvents.ReportOverdue;

/**
 * What the reporting rules announce, each inside the transaction of its change (events.ReportingPublisher
 * writes them to the outbox). Declared here so that the rules depend on the contract, not on the publisher.
 */
public interface ReportEvents {

    void reportChanged(String type, ReportChanged change);

    void reportDueSoon(ReportDueSoon reminder);

    void reportOverdue(ReportOverdue overdue);

    void periodOpened(PeriodOpened opened);
}
