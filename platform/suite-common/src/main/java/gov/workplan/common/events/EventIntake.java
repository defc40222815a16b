package gov.workplan.common.events;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.workplan.common.tracing.Tracing;
import gov.workplan.contracts.events.EventEnvelope;
import gov.workplan.contracts.events.Topic;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Validator;

/**
 * The one consuming preamble of every consumer: continue the producer's trace → read the envelope → refuse a
 * source that is not the topic's owner → hold a schema version the consumer does not read → deduplicate by
 * event id → hand the event over, payload typed.
 * Runs in the consumer's transaction, so applying the event and recording it in the inbox commit together.
 */
@ApplicationScoped
public class EventIntake {

    @Inject
    Inbox inbox;

    @Inject
    Tracing tracing;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    ObjectReader tolerant;

    @PostConstruct
    void init() {
        tolerant = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * The same preamble for a batch, deduplicated in one statement; the new events are handed over in order, each
     * in its own span. Throws {@link NotForABatch} when any record is not an envelope of the topic's owner at a
     * version this consumer reads: the caller then takes the batch record by record, so that only that one is held
     * or parked ({@link #receive} counts and explains it).
     */
    @Transactional(TxType.MANDATORY)
    public void receiveAll(java.util.List<ConsumerRecord<String, String>> records, Topic topic, SchemaVersions reads,
            Consumer<InboundEvent> apply) {
        java.util.List<EventEnvelope> envelopes = new java.util.ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope e;
            try {
                e = inbox.read(record.value());
            } catch (IllegalArgumentException notAnEnvelope) {
                throw new NotForABatch(notAnEnvelope.getMessage());
            }
            if (!topic.owner().equals(e.source()) || !reads.contains(e.type(), e.schemaVersion())) {
                throw new NotForABatch("event " + e.id() + " is taken on its own");
            }
            envelopes.add(e);
        }
        java.util.Set<java.util.UUID> first = new java.util.HashSet<>(inbox.firstDeliveries(envelopes));
        for (int i = 0; i < records.size(); i++) {
            EventEnvelope event = envelopes.get(i);
            if (first.remove(event.id())) {
                tracing.process(records.get(i), () -> apply.accept(new InboundEvent(event,
                        reads.toCurrent(event.type(), event.schemaVersion(), event.payload()), tolerant, validator)));
            }
        }
    }

    /** A batch holding a record that must be taken on its own (held, refused or parked). */
    public static final class NotForABatch extends RuntimeException {
        NotForABatch(String message) {
            super(message, null, false, false);
        }
    }

    @Transactional(TxType.MANDATORY)
    public void receive(ConsumerRecord<String, String> record, Topic topic, SchemaVersions reads,
            Consumer<InboundEvent> apply) {
        tracing.process(record, () -> inbox.firstDeliveryOf(record.value(), topic, reads).ifPresent(event -> apply.accept(
                new InboundEvent(event, reads.toCurrent(event.type(), event.schemaVersion(), event.payload()), tolerant, validator))));
    }
}
