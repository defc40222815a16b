package gov.workplan.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Publishes events to the test broker exactly as a producing service would: the suite's envelope,
 * keyed by plan. A consumer's tests feed it its upstream's events without running the upstream.
 */
public final class EventFixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {
    }

    public static ObjectNode envelope(String source, String plan, String type, ObjectNode payload) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("schemaVersion", 1);
        e.put("occurredAt", Instant.now().toString());
        e.put("source", source);
        e.put("key", plan);
        e.put("plan", plan);
        e.set("payload", payload);
        return e;
    }

    /** The counts a plan's first and last events carry. */
    public static ObjectNode counts(int units, int indicators, int targets, int tasks) {
        return JSON.createObjectNode().put("units", units).put("indicators", indicators).put("targets", targets)
                .put("tasks", tasks);
    }

    /** The payload of plan.import-completed, as targets-service sends it. */
    public static ObjectNode importCompleted(String plan, int units, int indicators, int targets, int tasks) {
        ObjectNode p = JSON.createObjectNode().put("plan", plan).put("checksum", "sha256-of-" + plan);
        p.set("counts", counts(units, indicators, targets, tasks));
        return p;
    }

    /** Sends in order and waits for each acknowledgement. */
    public static void publish(String topic, String plan, List<ObjectNode> events) {
        publish(topic, plan, events, Map.of());
    }

    /** Sends in order with the same Kafka headers on each record (e.g. a traceparent). */
    public static void publish(String topic, String plan, List<ObjectNode> events, Map<String, String> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (ObjectNode e : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, plan, e.toString());
                headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
