package gov.workplan.assessment.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import gov.workplan.common.events.DeadLetterParking;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * workplan.reporting, a polled batch at a time: applied in one transaction ({@link ReportingEventsConsumer#consumeAll}).
 * If one of its events cannot be applied — it breaks the contract, is at a schema version not read yet, or fails —
 * nothing of the batch is kept and its records are taken one by one, each in its own transaction: the event that
 * fails is parked alone on the dead-letter topic with its reason, the others are applied. The offsets are
 * committed after the batch, so a crash in between redelivers it and the inbox makes every redelivered event a
 * duplicate.
 */
@ApplicationScoped
public class ReportingBatches {

    @Inject
    ReportingEventsConsumer consumer;

    @Inject
    DeadLetterParking parking;

    @Incoming(ReportingEventsConsumer.CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        try {
            consumer.consumeAll(records);
        } catch (RuntimeException oneCannotBeApplied) {
            for (ConsumerRecord<String, String> record : records) {
                try {
                    consumer.consume(record);
                } catch (RuntimeException e) {
                    parking.park(record, consumer.deadLetterTopic(), e);
                }
            }
        }
    }
}
