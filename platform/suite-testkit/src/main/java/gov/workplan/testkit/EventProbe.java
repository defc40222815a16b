package gov.workplan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer on the test broker that records every event envelope of a topic from the
 * moment it is opened: what a downstream service would receive, without any framework in between.
 */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> received = new ArrayList<>();
    private final Map<String, Map<String, String>> headers = new HashMap<>();

    private EventProbe(String topic, boolean fromBeginning) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        // Asking for the partitions creates the topic if nobody has published to it yet; the first
        // answer may come before the new topic has any.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty()) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            if (partitions.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " has no partitions after 30 s");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // fix the start now, not at the first poll
    }

    /** Records what is published to the topic after this call. */
    public static EventProbe fromNowOn(String topic) {
        return new EventProbe(topic, false);
    }

    /** Records everything the topic holds, then what follows. */
    public static EventProbe fromBeginning(String topic) {
        return new EventProbe(topic, true);
    }

    /**
     * Polls until an envelope matching {@code last} arrives; returns every envelope received so far.
     * Because a topic partition is ordered, everything published before that envelope (on its
     * partition) has been seen by then.
     */
    public List<JsonNode> awaitUntil(Predicate<JsonNode> last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.stream().noneMatch(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching event within " + timeout + "; received " + received.size()
                        + " events: " + received.stream().map(e -> e.path("type").asText()).toList());
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    JsonNode event = JSON.readTree(record.value());
                    received.add(event);
                    Map<String, String> named = new HashMap<>();
                    for (Header h : record.headers()) {
                        named.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    headers.put(event.path("id").asText(), named);
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON on the topic: " + record.value(), e);
                }
            }
        }
        return List.copyOf(received);
    }

    /** A Kafka header of the record that carried an event this probe received (null if absent). */
    public String header(JsonNode event, String name) {
        return headers.getOrDefault(event.path("id").asText(), Map.of()).get(name);
    }

    public static Predicate<JsonNode> ofType(String type) {
        return e -> type.equals(e.path("type").asText());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
