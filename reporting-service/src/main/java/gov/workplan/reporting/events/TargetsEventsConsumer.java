package gov.workplan.reporting.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.common.database.UntilDatabaseAvailable;
import gov.workplan.common.events.DeadLetters;
import gov.workplan.common.events.EventEnvelope;
import gov.workplan.common.events.Inbox;
import gov.workplan.common.tracing.Tracing;
import gov.workplan.reporting.persistence.PlanCopy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps reporting's copy of plans, units, indicators, targets and tasks from workplan.targets, so
 * reporting answers without calling targets-service. Each event is applied and recorded in one
 * transaction: a redelivery changes nothing.
 */
@ApplicationScoped
public class TargetsEventsConsumer implements DeadLetters.Redrivable {

    /** The schema versions of workplan.targets's events this consumer reads; any other is held. */
    static final Set<Integer> READS = Set.of(1);

    private static final Logger LOG = Logger.getLogger(TargetsEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    Tracing tracing;

    @Inject
    PlanCopy copy;

    @ConfigProperty(name = "mp.messaging.incoming.targets.dead-letter-queue.topic")
    String deadLetterTopic;

    @Override
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    @Override
    @Incoming("targets")
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
        switch (event.type()) {
            case "plan.registered" -> copy.upsertPlan(p.path("code").asText(), p.path("title").asText(),
                    p.path("spanFrom").asInt(), p.path("spanTo").asInt(), p.path("officeUnit").asText(),
                    p.path("reporting").path("frequency").asText(),
                    p.path("reporting").path("dueMonthOfNextQuarter").asInt(),
                    p.path("reporting").path("dueDayOfMonth").asInt(), p.path("reporting").path("zone").asText(),
                    event.occurredAt());
            case "unit.registered" -> copy.upsertUnit(p.path("code").asText(), p.path("nameZh").asText(),
                    p.path("nameEn").asText(), p.path("category").asText(), text(p, "parent"));
            case "indicator.defined" -> copy.upsertIndicator(p.path("plan").asText(), p.path("code").asText(),
                    p.path("nameZh").asText(), text(p, "nameEn"), p.path("unitOfMeasure").asText());
            case "target.set", "target.amended" -> copy.upsertTarget(p.path("plan").asText(), p.path("unit").asText(),
                    p.path("indicator").asText(), p.path("year").asInt(), p.path("kind").asText(),
                    p.path("value").decimalValue(), p.hasNonNull("maxValue") ? p.path("maxValue").decimalValue() : null,
                    p.path("revision").asInt());
            case "task.defined" -> {
                Map<String, String> roles = new LinkedHashMap<>();
                p.path("responsible").forEach(r -> roles.put(r.path("unit").asText(), r.path("role").asText()));
                String title = text(p, "title") != null ? text(p, "title") : text(p, "description");
                copy.upsertTask(p.path("plan").asText(), p.path("code").asText(), title,
                        p.hasNonNull("deadline") ? LocalDate.parse(p.path("deadline").asText()) : null, roles);
            }
            default -> LOG.debugf("ignoring %s %s: reporting does not keep it", event.type(), event.id());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
