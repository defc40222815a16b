package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * k8s/ checked without an API server: each overlay rendered by kustomize (kubectl's built-in, as ops
 * render it), every object read into the Kubernetes model (fabric8) or Strimzi's (KafkaTopic, KafkaUser) with
 * nothing left over — an unknown or misspelt field fails — and the services' Deployments checked
 * against their own configuration: port, probe paths, environment names, topics.
 */
class KubernetesManifestsTest {

    private static final KubernetesSerialization K8S = new KubernetesSerialization();
    private static final Pattern EXPANSION = Pattern.compile("\\$\\(([A-Z_]+)\\)");

    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", ServiceConfig.ROOT.resolve("k8s/overlays").resolve(overlay)
                .toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kustomize did not finish");
        assertEquals(0, p.exitValue(), "kustomize could not render overlay " + overlay);
        List<HasMetadata> objects = new ArrayList<>();
        ObjectMapper yamlMapper = new ObjectMapper(new YAMLFactory());
        for (JsonNode doc : yamlMapper.readerFor(JsonNode.class).<JsonNode> readValues(yaml).readAll()) {
            String json = doc.toString();
            HasMetadata object = switch (doc.path("kind").asText()) {
                case "KafkaTopic" -> K8S.unmarshal(json, KafkaTopic.class);
                case "KafkaUser" -> K8S.unmarshal(json, KafkaUser.class);
                default -> K8S.unmarshal(json);
            };
            assertEquals(doc.path("apiVersion").asText(), object.getApiVersion(), "a known apiVersion: " + json);
            assertNothingUnknown(object, object.getKind() + "/" + object.getMetadata().getName(), new IdentityHashMap<>());
            objects.add(object);
        }
        return objects;
    }

    /** fabric8 and Strimzi models keep fields they do not know in additionalProperties: there must be none. */
    private static void assertNothingUnknown(Object value, String at, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(v -> assertNothingUnknown(v, at, seen));
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> assertNothingUnknown(v, at, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object child = m.invoke(value);
                if ("getAdditionalProperties".equals(m.getName())) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        fail(at + ": unknown fields " + extra.keySet() + " in " + value.getClass().getSimpleName());
                    }
                } else {
                    assertNothingUnknown(child, at, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static <T> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return all(objects, type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void givenAnOverlay_whenRendered_thenEveryObjectIsValidAndEachServiceMatchesItsConfiguration(String overlay)
            throws Exception {
        List<HasMetadata> objects = render(overlay);
        ConfigMap config = named(objects, ConfigMap.class, "workplan-config");
        assertFalse(objects.stream().anyMatch(o -> "Secret".equals(o.getKind())), "no Secret is kept in git");
        for (String name : ServiceConfig.SERVICES) {
            ServiceConfig service = ServiceConfig.of(name);
            Deployment deployment = named(objects, Deployment.class, name);
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(service.port(), c.getPorts().get(0).getContainerPort(), name + " listens on quarkus.http.port");
            assertEquals("http", c.getPorts().get(0).getName());
            assertEquals(service.managementPort(), c.getPorts().get(1).getContainerPort(),
                    name + " answers health and metrics on quarkus.management.port");
            assertEquals("management", c.getPorts().get(1).getName());
            assertEquals(String.valueOf(service.managementPort()), deployment.getSpec().getTemplate().getMetadata()
                    .getAnnotations().get("prometheus.io/port"), "Prometheus scrapes the management port");
            assertProbe(c.getStartupProbe(), service.healthRoot() + "/started");
            assertProbe(c.getLivenessProbe(), service.healthRoot() + "/live");
            assertProbe(c.getReadinessProbe(), service.healthRoot() + "/ready");
            assertTrue(c.getImage().contains("workplan/" + name + ":"), c.getImage());
            assertNotNull(c.getResources().getRequests().get("memory"), "memory request");
            assertNotNull(c.getResources().getLimits().get("memory"), "memory limit");
            assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), "read-only root");
            assertTrue(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot(), "non-root");
            assertNotNull(c.getLifecycle().getPreStop(), "graceful shutdown pauses before SIGTERM");
            c.getEnv().stream().filter(v -> List.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS").contains(v.getName()))
                    .forEach(v -> assertTrue(String.valueOf(v.getValue()).contains("-XX:+ExitOnOutOfMemoryError"),
                            name + " overrides the image's " + v.getName() + " without -XX:+ExitOnOutOfMemoryError"));

            Set<String> env = new HashSet<>(config.getData().keySet());
            Set<String> expanded = new HashSet<>();
            for (EnvVar var : c.getEnv()) {
                env.add(var.getName());
                Matcher m = EXPANSION.matcher(var.getValue() == null ? "" : var.getValue());
                while (m.find()) {
                    expanded.add(m.group(1));
                }
            }
            for (String variable : env) {
                assertTrue(service.knownEnv().contains(variable) || expanded.contains(variable),
                        name + " does not read " + variable);
            }
            assertTrue(env.containsAll(service.requiredInProd()), name + " needs " + service.requiredInProd());

            Service svc = named(objects, Service.class, name);
            assertEquals(List.of("http"), svc.getSpec().getPorts().stream().map(p -> p.getTargetPort().getStrVal()).toList(),
                    "the Service, which the ingress routes to, exposes the API port only");
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(), svc.getSpec().getSelector());
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(),
                    named(objects, PodDisruptionBudget.class, name).getSpec().getSelector().getMatchLabels());
            assertEquals(name, named(objects, HorizontalPodAutoscaler.class, name).getSpec().getScaleTargetRef().getName());
        }
        NetworkPolicy deny = named(objects, NetworkPolicy.class, "default-deny");
        assertTrue(deny.getSpec().getPodSelector().getMatchLabels() == null
                || deny.getSpec().getPodSelector().getMatchLabels().isEmpty(), "default deny covers every pod");
        assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
        assertEquals(List.of("http"), portsOpenedBy(named(objects, NetworkPolicy.class, "services-http-in")),
                "callers reach the API port only");
        NetworkPolicy management = named(objects, NetworkPolicy.class, "services-management-in");
        assertEquals(List.of("management"), portsOpenedBy(management));
        assertEquals(List.of(Map.of("kubernetes.io/metadata.name", "monitoring")), management.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getFrom().stream()).map(peer -> peer.getNamespaceSelector().getMatchLabels())
                .toList(), "only the monitoring namespace reaches health and metrics");

        Set<String> topics = new HashSet<>();
        all(objects, KafkaTopic.class).forEach(t -> topics.add(t.getMetadata().getName()));
        assertTrue(topics.containsAll(topicsTheServicesUse()), "every topic the services use is declared: " + topics);
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal());
    }

    private static List<String> portsOpenedBy(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream())
                .map(p -> p.getPort().getStrVal()).toList();
    }

    /** Every topic named in the services' configuration: outbox topics, inputs, dead-letter topics. */
    private static Set<String> topicsTheServicesUse() throws IOException {
        Set<String> topics = new HashSet<>();
        for (String name : ServiceConfig.SERVICES) {
            Properties props = new Properties();
            try (var r = java.nio.file.Files.newBufferedReader(ServiceConfig.ROOT.resolve(name)
                    .resolve("src/main/resources/application.properties"))) {
                props.load(r);
            }
            props.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.") && k.endsWith(".topic"))
                    .forEach(k -> topics.add(props.getProperty(k)));
        }
        assertTrue(topics.size() >= 6, "outbox topics, inputs and dead-letter topics: " + topics);
        return topics;
    }
}
