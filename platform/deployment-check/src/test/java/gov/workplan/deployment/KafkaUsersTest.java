package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Least privilege on Kafka, held to the services' own configuration: each service's KafkaUser grants exactly
 * what its application.properties uses — write and describe on the topic its outbox publishes, read and
 * describe on each topic it consumes, read on its consumer group, and write, read and describe on each of its
 * dead-letter topics (it parks there, and lists and re-drives from there) — nothing more, nothing less; and
 * each Deployment logs in as its own user, with its own database users.
 */
class KafkaUsersTest {

    private static final KubernetesSerialization K8S = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void givenEachServicesKafkaUser_whenComparedWithWhatItsConfigurationUses_thenTheyGrantExactlyThat(String overlay)
            throws Exception {
        List<HasMetadata> objects = KubernetesManifestsTest.render(overlay);
        for (String service : ServiceConfig.SERVICES) {
            KafkaUser user = KubernetesManifestsTest.named(objects, KafkaUser.class, service);
            JsonNode spec = JSON.readTree(K8S.asJson(user)).path("spec");
            assertEquals("scram-sha-512", spec.path("authentication").path("type").asText(), service + " logs in with SCRAM");
            assertEquals("simple", spec.path("authorization").path("type").asText());
            assertEquals(needs(service), granted(spec.path("authorization").path("acls")),
                    service + ": the ACLs of its KafkaUser against what its configuration uses");

            Container c = KubernetesManifestsTest.named(objects, Deployment.class, service).getSpec().getTemplate().getSpec()
                    .getContainers().get(0);
            assertEquals(service + "/sasl.jaas.config", secretKey(c, "KAFKA_SASL_JAAS_CONFIG"),
                    "the login the User Operator wrote for its KafkaUser");
            assertEquals(service + "-db/username", secretKey(c, "DB_USER"));
            assertEquals(service + "-db/password", secretKey(c, "DB_PASSWORD"));
            assertEquals(service + "-db-owner/username", secretKey(c, "DB_MIGRATION_USER"));
            assertEquals(service + "-db-owner/password", secretKey(c, "DB_MIGRATION_PASSWORD"));
        }
    }

    /** resource ("topic:name", "group:name") → operations, from the service's configuration. */
    static Map<String, Set<String>> needs(String service) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(ServiceConfig.ROOT.resolve(service).resolve(
                "src/main/resources/application.properties"))) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> needs = new TreeMap<>();
        grant(needs, "topic:" + props.getProperty("mp.messaging.outgoing.outbox.topic"), "Write", "Describe");
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("mp.messaging.incoming.") || !key.endsWith(".topic") || key.contains(".dead-letter-queue.")) {
                continue;
            }
            String channel = key.substring(0, key.length() - ".topic".length());
            grant(needs, "topic:" + props.getProperty(key), "Read", "Describe");
            grant(needs, "group:" + props.getProperty(channel + ".group.id"), "Read");
            grant(needs, "topic:" + props.getProperty(channel + ".dead-letter-queue.topic"), "Write", "Read", "Describe");
        }
        return needs;
    }

    private static Map<String, Set<String>> granted(JsonNode acls) {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (JsonNode rule : acls) {
            assertEquals("literal", rule.path("resource").path("patternType").asText("literal"),
                    "no prefix or wildcard rights: " + rule);
            assertEquals("allow", rule.path("type").asText("allow"));
            JsonNode resource = rule.path("resource");
            for (JsonNode op : rule.path("operations")) {
                grant(granted, resource.path("type").asText() + ":" + resource.path("name").asText(), op.asText());
            }
        }
        return granted;
    }

    private static void grant(Map<String, Set<String>> rights, String resource, String... operations) {
        rights.computeIfAbsent(resource, r -> new TreeSet<>()).addAll(List.of(operations));
    }

    private static String secretKey(Container c, String variable) {
        EnvVar var = c.getEnv().stream().filter(v -> variable.equals(v.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " does not set " + variable));
        var ref = var.getValueFrom().getSecretKeyRef();
        return ref.getName() + "/" + ref.getKey();
    }
}
