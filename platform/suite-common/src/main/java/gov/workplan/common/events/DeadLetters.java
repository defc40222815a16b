package gov.workplan.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.common.problem.ApiProblem;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What this service's consumers parked on their dead-letter topics, listed and re-driven once the cause is
 * fixed (a column widened, the consumer upgraded to a new schema version). Re-driving hands each parked
 * record to its consumer's own entry point — the same transaction, inbox and trace as a live delivery —
 * so an event already applied is a duplicate and changes nothing: re-driving twice is safe. The topic
 * itself is never rewritten; what was parked stays readable there for its retention (30 days).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** A consumer whose parked events can be re-driven: the topic it parks on, and its entry point. */
    public interface Redrivable {

        /** The consumer's channel ({@code @Incoming}); its dead-letter topic is configured on it. */
        String channel();

        default String deadLetterTopic() {
            return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel() + ".dead-letter-queue.topic",
                    String.class);
        }

        /** The consumer's own @Incoming method, called through its bean so its interceptors run. */
        void consume(ConsumerRecord<String, String> record);
    }

    @Schema(name = "ParkedEvent", description = "An event a consumer could not apply, as its dead-letter topic holds it.")
    public record Parked(String topic, int partition, long offset, String eventId, String type, int schemaVersion,
            String reason, Instant parkedAt, boolean appliedSince) {
    }

    @Schema(name = "Redrive", description = "What re-driving a dead-letter topic did, event by event.")
    public record Redrive(String topic, int applied, int alreadyApplied, List<Parked> stillFailing) {
    }

    @Inject
    @Any
    Instance<Redrivable> consumers;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** Every {@code kafka.*} setting — the brokers and, in production, the service's own Kafka login. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** Every parked record of every dead-letter topic of this service, oldest first per topic. */
    public List<Parked> list() {
        List<Parked> parked = new ArrayList<>();
        for (Redrivable consumer : consumers) {
            read(consumer.deadLetterTopic()).forEach(r -> parked.add(parked(r)));
        }
        return parked;
    }

    /** Hands every parked record of {@code topic} to its consumer again; each in a transaction of its own. */
    public Redrive redrive(String topic) {
        Redrivable consumer = consumers.stream().filter(c -> c.deadLetterTopic().equals(topic)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("topic", "dead-letter topic of this service", topic));
        int applied = 0;
        int already = 0;
        List<Parked> failing = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read(topic)) {
            Parked p = parked(record);
            if (p.appliedSince()) {
                already++;
                continue;
            }
            try {
                consumer.consume(record);
                applied++;
            } catch (RuntimeException e) {
                LOG.warnf("re-driving %s@%d from %s failed again: %s", p.eventId(), p.offset(), topic, e.toString());
                failing.add(new Parked(p.topic(), p.partition(), p.offset(), p.eventId(), p.type(), p.schemaVersion(),
                        String.valueOf(e.getMessage()), p.parkedAt(), false));
            }
        }
        return new Redrive(topic, applied, already, failing);
    }

    private Parked parked(ConsumerRecord<String, String> record) {
        String id = header(record, "event-id");
        String type = header(record, "event-type");
        int version = 0;
        try {
            JsonNode envelope = mapper.readTree(record.value());
            id = id != null ? id : envelope.path("id").asText(null);
            type = type != null ? type : envelope.path("type").asText(null);
            version = envelope.path("schemaVersion").asInt();
        } catch (Exception e) {
            // not even an envelope: listed with what the headers say
        }
        return new Parked(record.topic(), record.partition(), record.offset(), id, type, version,
                header(record, "dead-letter-reason"), Instant.ofEpochMilli(record.timestamp()), applied(id));
    }

    private boolean applied(String eventId) {
        if (eventId == null) {
            return false;
        }
        try {
            return !em.createNativeQuery("select 1 from processed_event where event_id = ?1")
                    .setParameter(1, UUID.fromString(eventId)).getResultList().isEmpty();
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    /** The topic from its beginning to its end as of now; no consumer group, nothing committed. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        Set<TopicPartition> assigned = consumer.assignment();
        return assigned.stream().allMatch(tp -> consumer.position(tp) >= end.getOrDefault(tp, 0L));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
