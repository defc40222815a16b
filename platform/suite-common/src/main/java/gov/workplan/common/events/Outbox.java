package gov.workplan.common.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.workplan.common.time.StoredTime;
import gov.workplan.contracts.events.EventEnvelope;
import gov.workplan.contracts.events.Topic;
import gov.workplan.common.tracing.Tracing;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and then for certain: {@link OutboxRelay} publishes every committed row, retrying until acked.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Event<OutboxAppended> appended;

    @Inject
    Tracing tracing;

    @Inject
    Validator validator;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Must run inside the transaction that makes the change: an event without its change is invented. */
    @Transactional(TxType.MANDATORY)
    public EventEnvelope append(Topic contract, String key, String plan, String type, Object payload) {
        // The topic's name and the type's schema version come from the contract, said once there.
        String topic = contract.name();
        int schemaVersion = contract.versionOf(type);
        // The owner validated its input against the same limits; an event that still breaks the contract is a
        // bug, and failing the change is better than a copy forked at a consumer.
        var violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("event " + type + " would break its contract: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
        }
        // PostgreSQL keeps microseconds; the envelope must say exactly what the row says.
        Instant now = StoredTime.now(clock);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, schemaVersion, now, source, key, plan,
                mapper.valueToTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = topic;
        row.eventKey = key;
        row.eventType = type;
        row.schemaVersion = schemaVersion;
        row.occurredAt = now;
        row.planCode = plan;
        row.traceParent = tracing.currentTraceparent();
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
        row.persist();
        // The relay is woken once the transaction commits — once, however many events it wrote (an import writes
        // a hundred thousand).
        if (transaction.getResource(OutboxAppended.class) == null) {
            transaction.putResource(OutboxAppended.class, Boolean.TRUE);
            appended.fire(new OutboxAppended());
        }
        return envelope;
    }
}
