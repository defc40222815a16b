package gov.workplan.common.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Parks one record on a dead-letter topic, as the messaging layer's dead-letter strategy does (the same headers,
 * so {@link DeadLetters} lists and re-drives it alike), for a consumer that takes records in batches: one event
 * that cannot be applied is parked alone, and the rest of its batch is applied. Waits for the broker's
 * acknowledgement, retrying while it is away: a parked event is never dropped.
 */
@ApplicationScoped
public class DeadLetterParking {

    private static final Logger LOG = Logger.getLogger(DeadLetterParking.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private KafkaProducer<String, String> producer;

    public void park(ConsumerRecord<String, String> record, String deadLetterTopic, Throwable why) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value());
        for (Header h : record.headers()) {
            parked.headers().add(h);
        }
        header(parked, "dead-letter-reason", String.valueOf(why.getMessage()));
        header(parked, "dead-letter-exception-class-name", why.getClass().getName());
        if (why.getCause() != null) {
            header(parked, "dead-letter-cause", String.valueOf(why.getCause().getMessage()));
        }
        header(parked, "dead-letter-topic", record.topic());
        header(parked, "dead-letter-partition", String.valueOf(record.partition()));
        header(parked, "dead-letter-offset", String.valueOf(record.offset()));
        long backoff = 250;
        while (true) {
            try {
                // counted by the consumer's retry interceptor, through which every parked record failed
                producer().send(parked).get(30, TimeUnit.SECONDS);
                LOG.warnf("parked %s@%d of %s on %s: %s", record.key(), record.offset(), record.topic(), deadLetterTopic,
                        why.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parking a record; it is redelivered", e);
            } catch (Exception e) {
                LOG.warnf("parking a record on %s failed, retrying in %d ms: %s", deadLetterTopic, backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafka);
            config.keySet().retainAll(ProducerConfig.configNames());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
