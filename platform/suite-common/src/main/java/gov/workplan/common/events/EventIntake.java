package gov.workplan.common.events;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.workplan.common.tracing.Tracing;
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

    @Transactional(TxType.MANDATORY)
    public void receive(ConsumerRecord<String, String> record, Topic topic, SchemaVersions reads,
            Consumer<InboundEvent> apply) {
        tracing.process(record, () -> inbox.firstDeliveryOf(record.value(), topic, reads).ifPresent(event -> apply.accept(
                new InboundEvent(event, reads.toCurrent(event.type(), event.schemaVersion(), event.payload()), tolerant, validator))));
    }
}
