package gov.workplan.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import gov.workplan.kafka.KafkaBrokerProcess;
import gov.workplan.kafka.Passwords;

/**
 * The Kafka side of {@code k8s/base}, applied to a secured test broker the way Strimzi's operators apply it
 * to the production cluster: every {@code KafkaTopic} created (one replica: there is one broker), every
 * {@code KafkaUser} given SCRAM-SHA-512 credentials of its own and exactly the ACLs its manifest grants. The
 * services under test then hold no more rights than in production — and a test can prove what they lack.
 */
public final class KafkaManifests {

    public static final Path TOPICS = ServiceProcess.ROOT.resolve("k8s/base/kafka-topics.yaml");
    public static final Path USERS = ServiceProcess.ROOT.resolve("k8s/base/kafka-users.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KafkaManifests() {
    }

    /** A KafkaUser of the manifests: its name and the ACLs granted to {@code User:name}. */
    public record User(String name, List<AclBinding> acls) {
    }

    /**
     * Creates the topics and the users with their ACLs on {@code broker} (secured, so ACLs apply), and
     * returns each user's {@code sasl.jaas.config} — what Strimzi puts into the user's Secret.
     */
    public static Map<String, String> apply(KafkaBrokerProcess broker) {
        if (!broker.secured()) {
            throw new IllegalArgumentException("ACLs need a broker that authenticates its clients");
        }
        Map<String, String> logins = new LinkedHashMap<>();
        try (Admin admin = Admin.create(broker.clientConfig())) {
            List<NewTopic> topics = topics();
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<User> users = users();
            List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
            for (User user : users) {
                String password = Passwords.generate();
                credentials.add(new UserScramCredentialUpsertion(user.name(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password));
                logins.put(user.name(), KafkaBrokerProcess.jaasConfig(user.name(), password));
            }
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get();
            admin.createAcls(users.stream().flatMap(u -> u.acls().stream()).toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not apply k8s/base's Kafka topics and users", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return logins;
    }

    /** The KafkaTopics, with their partitions and configuration, on one replica. */
    public static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (JsonNode doc : documents(TOPICS)) {
            Map<String, String> config = new LinkedHashMap<>();
            doc.path("spec").path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
            config.remove("min.insync.replicas");
            topics.add(new NewTopic(doc.path("metadata").path("name").asText(), doc.path("spec").path("partitions").asInt(),
                    (short) 1).configs(config));
        }
        return topics;
    }

    /** The KafkaUsers and their ACLs (Strimzi's {@code simple} authorization). */
    public static List<User> users() {
        List<User> users = new ArrayList<>();
        for (JsonNode doc : documents(USERS)) {
            String name = doc.path("metadata").path("name").asText();
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode rule : doc.path("spec").path("authorization").path("acls")) {
                JsonNode r = rule.path("resource");
                ResourceType type = ResourceType.fromString(upper(r.path("type").asText()));
                String resource = "cluster".equals(r.path("type").asText()) ? "kafka-cluster" : r.path("name").asText();
                PatternType pattern = PatternType.fromString(upper(r.path("patternType").asText("literal")));
                AclPermissionType permission = AclPermissionType.fromString(upper(rule.path("type").asText("allow")));
                for (JsonNode operation : rule.path("operations")) {
                    AclOperation op = AclOperation.fromString(upper(operation.asText()));
                    if (type == ResourceType.UNKNOWN || pattern == PatternType.UNKNOWN || op == AclOperation.UNKNOWN
                            || permission == AclPermissionType.UNKNOWN) {
                        throw new IllegalArgumentException("KafkaUser " + name + ": an ACL this harness cannot read: " + rule);
                    }
                    acls.add(new AclBinding(new ResourcePattern(type, resource, pattern),
                            new AccessControlEntry("User:" + name, rule.path("host").asText("*"), op, permission)));
                }
            }
            users.add(new User(name, acls));
        }
        return users;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static List<JsonNode> documents(Path file) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode> readValues(file.toFile()).readAll().stream()
                    .filter(d -> d != null && !d.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
