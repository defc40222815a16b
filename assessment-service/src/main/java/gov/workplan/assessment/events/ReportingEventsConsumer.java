package gov.workplan.assessment.events;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.database.UntilDatabaseAvailable;
import gov.workplan.common.events.DeadLetters;
import gov.workplan.common.events.EventIntake;
import gov.workplan.common.events.InboundEvent;
import gov.workplan.common.events.SchemaVersions;
import gov.workplan.contracts.events.EventEnvelope;
import gov.workplan.contracts.events.ReportingEvents;
import gov.workplan.contracts.events.ReportingEvents.ReportChanged;
import gov.workplan.contracts.events.ReportingEvents.ReportOverdue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A new report triggers recalculation (报送即重算): every report event from workplan.reporting updates
 * the store and rescores what it touches, in one transaction with recording the event. A duplicate
 * event (same id) or an older report version changes nothing.
 */
@ApplicationScoped
public class ReportingEventsConsumer implements DeadLetters.Redrivable {

    static final String CHANNEL = "reporting";

    /** The schema versions of workplan.reporting's events this consumer reads; any other is held. */
    private final SchemaVersions reads = SchemaVersions.reads(ReportingEvents.SCHEMA_VERSION)
            // report.due-soon: version 2 names officers by id; version 1 (in the topic's history) carried their
            // contact details — assessment keeps only the deadline, so either is read without its officers.
            .and(ReportingEvents.REPORT_DUE_SOON, ReportingEvents.REPORT_DUE_SOON_VERSION, UnaryOperator.identity())
            .and(ReportingEvents.REPORT_DUE_SOON, 1, p -> ((ObjectNode) p.deepCopy()).putNull("officers"));

    @Inject
    EventIntake intake;

    @Inject
    AssessmentStore store;

    @Inject
    Recalculation recalculation;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    @UntilDatabaseAvailable
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        intake.receive(record, ReportingEvents.CONTRACT, reads, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case ReportingEvents.REPORT_SUBMITTED, ReportingEvents.REPORT_ACCEPTED, ReportingEvents.REPORT_RETURNED,
                    ReportingEvents.REPORT_CORRECTED, ReportingEvents.REPORT_IMPORTED -> {
                ReportChanged r = event.payload(ReportChanged.class);
                PeriodCode period = period(event, r.period());
                if (r.deadline() != null) {
                    store.recordDeadline(r.plan(), period.code(), r.deadline());
                }
                boolean newer = store.upsertReport(r.reportId(), r.plan(), period.code(), r.unit(), r.status(),
                        r.version(), json(r.content()), r.timeliness(), r.lateBySeconds(), r.firstSubmittedAt(),
                        r.imported());
                if (newer) {
                    recalculation.onReport(r.plan(), period, r.unit());
                    recordLag(event.envelope());
                }
            }
            case ReportingEvents.REPORT_OVERDUE -> {
                ReportOverdue o = event.payload(ReportOverdue.class);
                PeriodCode period = period(event, o.period());
                if (o.deadline() != null) {
                    store.recordDeadline(o.plan(), period.code(), o.deadline());
                }
                if (store.addOverdue(o.plan(), period.code(), o.unit())) {
                    recalculation.onReport(o.plan(), period, o.unit());
                    recordLag(event.envelope());
                }
            }
            case ReportingEvents.REPORT_DUE_SOON -> {
                // only its deadline: the reminder itself is for the unit's officers
                ReportingEvents.ReportDueSoon d = event.payload(ReportingEvents.ReportDueSoon.class);
                if (d.deadline() != null) {
                    store.recordDeadline(d.plan(), period(event, d.period()).code(), d.deadline());
                }
            }
            default -> {
                // future types: nothing to keep
            }
        }
    }

    private static PeriodCode period(InboundEvent event, String code) {
        return PeriodCode.parse(code).orElseThrow(() -> new IllegalArgumentException(
                "event " + event.envelope().id() + " names no period: " + code));
    }

    private String json(ReportingEvents.Content content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report's content cannot be written", e);
        }
    }

    /**
     * From the moment reporting-service accepted the change (the event's occurredAt, stamped in the
     * transaction of the change) until the ranking reflecting it is computed here. While a fresh
     * database replays the history the lag is the age of the events replayed.
     */
    private void recordLag(EventEnvelope event) {
        if (event.occurredAt() != null) {
            Timer.builder("workplan.recalculation.lag").description("report accepted by reporting → ranking recalculated")
                    .tag("type", event.type()).publishPercentileHistogram().register(registry)
                    .record(Duration.between(event.occurredAt(), clock.instant()));
        }
    }
}
