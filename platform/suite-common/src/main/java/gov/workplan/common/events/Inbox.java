package gov.workplan.common.events;

import java.util.Optional;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.contracts.events.EventEnvelope;
import gov.workplan.contracts.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The consuming side of the envelope: reads a record's value and tells whether its event is new.
 * Consumers apply an event and record it in one transaction, so a redelivery after a crash finds it
 * recorded and changes nothing.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /**
     * Reads an envelope, tolerating fields it does not know: a producer may add optional fields to the
     * envelope (or to a payload: {@link InboundEvent} reads those tolerantly too) without parking every event.
     */
    public EventEnvelope read(String value) {
        try {
            return mapper.readerFor(EventEnvelope.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The consuming preamble every consumer shares: reads the envelope, holds an event whose schema version
     * this consumer does not read, and answers it only on its first delivery (empty: already applied).
     */
    @Transactional(TxType.MANDATORY)
    public Optional<EventEnvelope> firstDeliveryOf(String value, Topic topic, SchemaVersions reads) {
        EventEnvelope event = read(value);
        requireOwner(event, topic);
        requireKnownVersion(event, reads);
        return firstDelivery(event) ? Optional.of(event) : Optional.empty();
    }

    /**
     * Only a topic's owner speaks on it: an event whose {@code source} is another service (a misconfigured or
     * compromised producer with the right to write the topic) is refused — parked with the reason, counted as a
     * contract breach — and nothing of it is applied. The broker's ACLs keep others from writing; this keeps a
     * consumer from believing them if they ever could.
     */
    void requireOwner(EventEnvelope event, Topic topic) {
        if (!topic.owner().equals(event.source())) {
            throw new InboundEvent.ContractViolation(event, "source " + event.source() + " is not the owner of "
                    + topic.name() + " (" + topic.owner() + ")");
        }
    }

    /**
     * An event at a schema version this consumer does not read is held — not applied with defaults, not
     * skipped: counted ({@code workplan_events_held_total}) and thrown, so the messaging layer parks it on
     * the consumer's dead-letter topic with this reason. Nothing is recorded in the inbox, so after the
     * consumer is upgraded, re-driving the dead-letter topic applies it.
     */
    public void requireKnownVersion(EventEnvelope event, SchemaVersions reads) {
        if (!reads.contains(event.type(), event.schemaVersion())) {
            registry.counter("workplan.events.held", "source", String.valueOf(event.source()), "type",
                    String.valueOf(event.type()), "version", String.valueOf(event.schemaVersion())).increment();
            throw new UnknownSchemaVersion("held: " + event.type() + " " + event.id() + " from " + event.source()
                    + " is at schema version " + event.schemaVersion() + "; this consumer reads " + reads
                    + " — upgrade it, then re-drive its dead-letter topic");
        }
    }

    /** Thrown for an event this consumer cannot read yet; its message is the reason the event is parked with. */
    public static final class UnknownSchemaVersion extends RuntimeException {
        UnknownSchemaVersion(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Records a batch's events as applied, in one statement; returns the ids seen for the first time (the rest
     * were applied before, or appear twice in the batch).
     */
    @Transactional(TxType.MANDATORY)
    public java.util.Set<java.util.UUID> firstDeliveries(java.util.List<EventEnvelope> events) {
        java.util.Set<java.util.UUID> first = new java.util.HashSet<>();
        java.time.Instant now = clock.instant();
        for (int from = 0; from < events.size(); from += 1000) {
            java.util.List<EventEnvelope> chunk = events.subList(from, Math.min(events.size(), from + 1000));
            StringBuilder sql = new StringBuilder("insert into processed_event (event_id, event_type, source, processed_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 4;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                        .append(p + 3).append(", ?").append(p + 4).append(')');
            }
            var insert = entityManager.createNativeQuery(sql.append(" on conflict (event_id) do nothing returning event_id")
                    .toString());
            for (int i = 0; i < chunk.size(); i++) {
                EventEnvelope e = chunk.get(i);
                int p = i * 4;
                insert.setParameter(p + 1, e.id()).setParameter(p + 2, e.type()).setParameter(p + 3, e.source())
                        .setParameter(p + 4, now);
            }
            for (Object id : insert.getResultList()) {
                first.add((java.util.UUID) id);
            }
        }
        java.util.Set<java.util.UUID> counted = new java.util.HashSet<>();
        for (EventEnvelope e : events) {
            boolean applied = first.contains(e.id()) && counted.add(e.id());
            registry.counter("workplan.events.consumed", "source", String.valueOf(e.source()), "type",
                    String.valueOf(e.type()), "outcome", applied ? "applied" : "duplicate").increment();
        }
        return first;
    }

    /** Records the event as applied; false if it was already (the caller then does nothing). */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope event) {
        int inserted = entityManager.createNativeQuery("insert into processed_event (event_id, event_type, source, "
                + "processed_at) values (?1, ?2, ?3, ?4) on conflict (event_id) do nothing")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.source())
                .setParameter(4, clock.instant())
                .executeUpdate();
        // Counted when applied or skipped; a delivery whose transaction then fails is counted again on retry.
        registry.counter("workplan.events.consumed", "source", String.valueOf(event.source()), "type",
                String.valueOf(event.type()), "outcome", inserted == 1 ? "applied" : "duplicate").increment();
        return inserted == 1;
    }
}
