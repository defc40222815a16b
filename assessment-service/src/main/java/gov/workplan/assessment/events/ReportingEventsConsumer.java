package gov.workplan.assessment.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.database.UntilDatabaseAvailable;
import gov.workplan.common.events.DeadLetters;
import gov.workplan.common.events.EventEnvelope;
import gov.workplan.common.events.Inbox;
import gov.workplan.common.tracing.Tracing;
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

    /** The schema versions of workplan.reporting's events this consumer reads; any other is held. */
    static final Set<Integer> READS = Set.of(1);

    @Inject
    Inbox inbox;

    @Inject
    Tracing tracing;

    @Inject
    AssessmentStore store;

    @Inject
    Recalculation recalculation;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @ConfigProperty(name = "mp.messaging.incoming.reporting.dead-letter-queue.topic")
    String deadLetterTopic;

    @Override
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    @Override
    @Incoming("reporting")
    @Blocking(ordered = true)
    @UntilDatabaseAvailable
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        tracing.process(record, () -> apply(record.value()));
    }

    private void apply(String value) {
        Optional<EventEnvelope> first = inbox.firstDeliveryOf(value, READS);
        if (first.isEmpty()) {
            return;
        }
        EventEnvelope event = first.get();
        JsonNode p = event.payload();
        String plan = p.path("plan").asText();
        PeriodCode period = PeriodCode.parse(p.path("period").asText()).orElse(null);
        if (period == null) {
            throw new IllegalArgumentException("event " + event.id() + " names no period");
        }
        String unit = p.path("unit").asText();
        if (p.hasNonNull("deadline")) {
            store.recordDeadline(plan, period.code(), Instant.parse(p.path("deadline").asText()));
        }
        switch (event.type()) {
            case "report.submitted", "report.accepted", "report.returned", "report.corrected", "report.imported" -> {
                boolean newer = store.upsertReport(UUID.fromString(p.path("reportId").asText()), plan, period.code(),
                        unit, p.path("status").asText(), p.path("version").asInt(), p.path("content").toString(),
                        p.hasNonNull("timeliness") ? p.path("timeliness").asText() : null,
                        p.hasNonNull("lateBySeconds") ? p.path("lateBySeconds").asLong() : null,
                        p.hasNonNull("firstSubmittedAt") ? Instant.parse(p.path("firstSubmittedAt").asText()) : null,
                        p.path("imported").asBoolean());
                if (newer) {
                    recalculation.onReport(plan, period, unit);
                    recordLag(event);
                }
            }
            case "report.overdue" -> {
                if (store.addOverdue(plan, period.code(), unit)) {
                    recalculation.onReport(plan, period, unit);
                    recordLag(event);
                }
            }
            default -> {
                // future types: nothing to keep
            }
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
