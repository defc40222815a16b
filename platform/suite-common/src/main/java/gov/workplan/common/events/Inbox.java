package gov.workplan.common.events;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    public EventEnvelope read(String value) {
        try {
            return mapper.readValue(value, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
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
