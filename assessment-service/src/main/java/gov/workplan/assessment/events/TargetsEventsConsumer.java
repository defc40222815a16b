package gov.workplan.assessment.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.domain.Schemes;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.database.UntilDatabaseAvailable;
import gov.workplan.common.events.DeadLetters;
import gov.workplan.common.events.EventEnvelope;
import gov.workplan.common.events.Inbox;
import gov.workplan.common.tracing.Tracing;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps assessment's store of plans, units, targets and tasks from workplan.targets; an amended target is rescored. */
@ApplicationScoped
public class TargetsEventsConsumer implements DeadLetters.Redrivable {

    /** The schema versions of workplan.targets's events this consumer reads; any other is held. */
    static final Set<Integer> READS = Set.of(1);

    @Inject
    Inbox inbox;

    @Inject
    Tracing tracing;

    @Inject
    AssessmentStore store;

    @Inject
    Schemes schemes;

    @Inject
    Recalculation recalculation;

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
            case "plan.registered" -> {
                store.upsertPlan(p.path("code").asText(), p.path("title").asText(), p.path("titleEn").asText(null),
                        p.path("spanFrom").asInt(), p.path("spanTo").asInt());
                int position = 0;
                for (JsonNode industry : p.path("industries")) {
                    store.upsertIndustry(p.path("code").asText(), position++, industry.path("code").asText(),
                            industry.path("nameZh").asText(), industry.path("nameEn").asText(null));
                }
                schemes.ensureDefaults(p.path("code").asText(), p.path("spanFrom").asInt());
            }
            case "unit.registered" -> store.upsertUnit(p.path("code").asText(), p.path("nameZh").asText(),
                    p.path("nameEn").asText(null), p.path("category").asText());
            case "indicator.defined" -> store.upsertIndicator(p.path("plan").asText(), p.path("code").asText(),
                    p.path("nameZh").asText(), p.hasNonNull("industry") ? p.path("industry").asText() : null,
                    p.path("unitOfMeasure").asText());
            case "target.set", "target.amended" -> {
                boolean changed = store.upsertTarget(p.path("plan").asText(), p.path("unit").asText(),
                        p.path("indicator").asText(), p.path("year").asInt(), p.path("kind").asText(),
                        p.path("value").decimalValue(), p.hasNonNull("maxValue") ? p.path("maxValue").decimalValue() : null,
                        p.path("revision").asInt());
                if (changed && "target.amended".equals(event.type())) {
                    recalculation.onTarget(p.path("plan").asText(), p.path("unit").asText(), p.path("year").asInt());
                }
            }
            case "task.defined" -> {
                Map<String, String> roles = new LinkedHashMap<>();
                p.path("responsible").forEach(r -> roles.put(r.path("unit").asText(), r.path("role").asText()));
                store.upsertTask(p.path("plan").asText(), p.path("code").asText(),
                        p.hasNonNull("title") ? p.path("title").asText() : p.path("description").asText(null),
                        p.hasNonNull("deadline") ? LocalDate.parse(p.path("deadline").asText()) : null, roles);
            }
            case "plan.import-completed" -> recalculation.onPlanComplete(p.path("plan").asText());
            default -> {
                // future types: nothing to keep
            }
        }
    }
}
