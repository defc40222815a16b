package gov.workplan.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import gov.workplan.testkit.TestDatabase;

/**
 * The least a report's way to the ranking can cost on this machine: one Kafka produce → consume round
 * trip with the suite's producer settings (acks=all, idempotent), and one PostgreSQL commit of a small
 * insert. Measured one at a time, nothing else running.
 */
final class Floor {

    record Result(Latencies kafkaRoundTrip, Latencies postgresCommit) {

        double p50Millis() {
            return kafkaRoundTrip.p50() + postgresCommit.p50();
        }

        double p99Millis() {
            return kafkaRoundTrip.p99() + postgresCommit.p99();
        }
    }

    private static final int WARM_UP = 100;
    private static final int SAMPLES = 500;

    private Floor() {
    }

    static Result measure(String bootstrapServers, String database) throws Exception {
        return new Result(kafka(bootstrapServers), postgres(database));
    }

    private static Latencies kafka(String bootstrapServers) {
        String topic = "benchmark.floor";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                        new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "create")).get(); // auto-creates the topic
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Latencies latencies = new Latencies();
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                String value = UUID.randomUUID().toString();
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, 0, "k", value));
                boolean seen = false;
                while (!seen) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(5));
                    for (var r : records) {
                        seen |= r.value().equals(value);
                    }
                }
                if (i >= WARM_UP) {
                    latencies.add(System.nanoTime() - start);
                }
            }
            return latencies;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the floor's Kafka producer failed", e);
        }
    }

    private static Latencies postgres(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestDatabase.fresh(database), TestDatabase.user(),
                TestDatabase.password())) {
            try (Statement s = connection.createStatement()) {
                s.execute("create table floor_commit (id bigserial primary key, payload text not null, "
                        + "at timestamptz not null default now())");
            }
            connection.setAutoCommit(false);
            Latencies latencies = new Latencies();
            try (PreparedStatement insert = connection.prepareStatement("insert into floor_commit (payload) values (?)")) {
                for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                    long start = System.nanoTime();
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.executeUpdate();
                    connection.commit();
                    if (i >= WARM_UP) {
                        latencies.add(System.nanoTime() - start);
                    }
                }
            }
            return latencies;
        }
    }
}
