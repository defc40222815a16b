package gov.workplan.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void givenARecordWritten_whenTheBrokerIsKilledAndStartedAgain_thenTheRecordIsStillThere() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.onFreePorts(dataDir)) {
            broker.start();
            produce(broker.bootstrapServers(), "k1", "before the crash");

            broker.kill();
            assertFalse(broker.isRunning());
            broker.start();

            produce(broker.bootstrapServers(), "k2", "after the restart");
            List<String> values = consumeAll(broker.bootstrapServers(), 2);
            assertEquals(List.of("before the crash", "after the restart"), values);
            assertTrue(broker.isRunning());
        }
    }

    /**
     * A secured broker lets in only logged-in users and lets them do only what an ACL grants: a user allowed to
     * write one topic writes it, is refused another; a client without a login never gets in.
     */
    @Test
    void givenASecuredBroker_whenAUserWritesItsOwnTopicAndAnother_thenOnlyWhatItsAclGrantsIsAllowed() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.securedOnFreePorts(dataDir)) {
            broker.start();
            String password = Passwords.generate();
            try (Admin admin = Admin.create(broker.clientConfig())) {
                admin.createTopics(List.of(new NewTopic("own", 1, (short) 1), new NewTopic("other", 1, (short) 1))).all().get();
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("alice",
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
                admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "own", PatternType.LITERAL),
                        new AccessControlEntry("User:alice", "*", AclOperation.WRITE, AclPermissionType.ALLOW)))).all().get();
            }
            Map<String, Object> alice = broker.clientConfig(KafkaBrokerProcess.jaasConfig("alice", password));
            alice.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(alice, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("own", "k", "allowed")).get();
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> producer.send(new ProducerRecord<>("other", "k", "refused")).get());
                assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
            }
            Map<String, Object> anonymous = new java.util.HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(anonymous, new StringSerializer(),
                    new StringSerializer())) {
                assertThrows(Exception.class, () -> producer.send(new ProducerRecord<>("own", "k", "anonymous")).get());
            }
        }
    }

    @Test
    void givenServerOverrides_whenPropertiesAreBuilt_thenTheOverrideWinsAndReplicationStaysSingleNode() {
        LocalKafka.Options options = LocalKafka.Options.parse(new String[] { "--data-dir", dataDir.toString(),
                "--port", "19092", "--set", "num.partitions=6" });
        Map<String, String> properties = LocalKafka.serverProperties(options);
        assertEquals("6", properties.get("num.partitions"));
        assertEquals("1", properties.get("offsets.topic.replication.factor"));
        assertEquals("127.0.0.1:19093", properties.get("controller.quorum.bootstrap.servers"));
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            // one partition keeps the two records in write order for the assertion
            producer.send(new ProducerRecord<>("broker-selftest", 0, key, value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition("broker-selftest", 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
