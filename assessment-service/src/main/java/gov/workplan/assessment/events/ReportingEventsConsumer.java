package gov.workplan.assessment.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.common.json.JsonText;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A new report triggers recalculation (报送即重算): every report event from workplan.reporting updates
 * the store and rescores what it touches, in one transaction with recording the event. A duplicate
 * event (same id) or an older report version changes nothing. Events come in batches ({@link ReportingBatches}):
 * one transaction per batch, one recalculation per unit and period however many of its events the batch holds;
 * {@link #consume} takes one record alone — a batch that holds an event which cannot be applied, and re-drives.
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
    @UntilDatabaseAvailable
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        Touched touched = new Touched();
        intake.receive(record, ReportingEvents.CONTRACT, reads, event -> apply(event, touched));
        touched.recalculate();
    }

    /**
     * A batch in one transaction: its events applied in order, then each touched unit and period recalculated once.
     * Throws when an event cannot be applied (nothing of the batch is kept): the caller then takes it record by record.
     */
    @UntilDatabaseAvailable
    @Transactional
    public void consumeAll(List<ConsumerRecord<String, String>> records) {
        Touched touched = new Touched();
        intake.receiveAll(records, ReportingEvents.CONTRACT, reads, event -> apply(event, touched));
        touched.recalculate();
    }

    /**
     * What the applied events touched: per plan and period, the units to recalculate — once each, all together — and
     * each event's lag to record after.
     */
    private final class Touched {
        private final Set<List<String>> opened = new LinkedHashSet<>();
        private final Map<List<String>, Set<String>> units = new LinkedHashMap<>();
        private final List<EventEnvelope> events = new ArrayList<>();

        void open(String plan, PeriodCode period) {
            opened.add(List.of(plan, period.code()));
        }

        void add(String plan, PeriodCode period, String unit, EventEnvelope event) {
            units.computeIfAbsent(List.of(plan, period.code()), k -> new LinkedHashSet<>()).add(unit);
            events.add(event);
        }

        /** Opened periods first: a report of the same batch then rescores only its unit. */
        void recalculate() {
            opened.forEach(planAndPeriod -> recalculation.onPeriodOpened(planAndPeriod.get(0),
                    PeriodCode.parse(planAndPeriod.get(1)).orElseThrow()));
            units.forEach((planAndPeriod, codes) -> recalculation.onReports(planAndPeriod.get(0),
                    PeriodCode.parse(planAndPeriod.get(1)).orElseThrow(), codes));
            events.forEach(ReportingEventsConsumer.this::recordLag);
        }
    }

    private void apply(InboundEvent event, Touched touched) {
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
                    touched.add(r.plan(), period, r.unit(), event.envelope());
                }
            }
            case ReportingEvents.REPORT_OVERDUE -> {
                ReportOverdue o = event.payload(ReportOverdue.class);
                PeriodCode period = period(event, o.period());
                if (o.deadline() != null) {
                    store.recordDeadline(o.plan(), period.code(), o.deadline());
                }
                if (store.addOverdue(o.plan(), period.code(), o.unit())) {
                    touched.add(o.plan(), period, o.unit(), event.envelope());
                }
            }
            case ReportingEvents.REPORT_DUE_SOON -> {
                // only its deadline: the reminder itself is for the unit's officers
                ReportingEvents.ReportDueSoon d = event.payload(ReportingEvents.ReportDueSoon.class);
                if (d.deadline() != null) {
                    store.recordDeadline(d.plan(), period(event, d.period()).code(), d.deadline());
                }
            }
            case ReportingEvents.PERIOD_OPENED -> {
                ReportingEvents.PeriodOpened o = event.payload(ReportingEvents.PeriodOpened.class);
                PeriodCode period = period(event, o.period());
                store.recordOpened(o.plan(), period.code(), o.deadline(),
                        o.openedAt() != null ? o.openedAt() : event.envelope().occurredAt());
                touched.open(o.plan(), period);
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
        return JsonText.write(mapper, content);
    }

    /**
     * From the moment reporting-service accepted the change (the event's occurredAt, stamped in the
     * transaction of the change) until the ranking reflecting it is computed here. While a fresh
     * database replays the history the lag is the age of the events replayed. Two hosts' clocks (or
     * two demo clocks started seconds apart) can disagree: a lag below zero is recorded as zero.
     */
    private void recordLag(EventEnvelope event) {
        if (event.occurredAt() != null) {
            Duration lag = Duration.between(event.occurredAt(), clock.instant());
            Timer.builder("workplan.recalculation.lag").description("report accepted by reporting → ranking recalculated")
                    .tag("type", event.type()).publishPercentileHistogram().register(registry)
                    .record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }
}
