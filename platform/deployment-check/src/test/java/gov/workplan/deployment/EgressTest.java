package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Whether the services of an overlay can reach what they are configured to reach, read from the rendered
 * manifests as the cluster would enforce them: every destination a service's configuration names — the broker,
 * its database, the identity provider's JWKS URL, the OTLP collector — must be allowed by an egress rule of a
 * NetworkPolicy that selects the service's pods, on the destination's port. A destination inside the namespace
 * is matched by the labels of the pods behind it (a Service of the overlay, or the Strimzi and CloudNativePG
 * naming of their clusters); one outside it (another namespace, an address beyond the cluster) by a policy that
 * says which destinations it opens ({@value #EGRESS_FOR}, "host:port" entries), with an ipBlock or namespace
 * peer on that port. Before this check, the prod overlay verified tokens against an https JWKS URL its
 * policies did not allow: every authenticated call would have been a 401.
 */
class EgressTest {

    static final String EGRESS_FOR = "workplan.gov/egress-for";
    private static final Pattern EXPANSION = Pattern.compile("\\$\\(([A-Z_]+)\\)");

    record Destination(String service, String what, String host, int port) {
        @Override
        public String toString() {
            return service + " → " + what + " " + host + ":" + port;
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void givenAnOverlay_whenItsServicesDestinationsAreCheckedAgainstItsNetworkPolicies_thenEveryOneIsAllowed(
            String overlay) throws Exception {
        List<HasMetadata> objects = KubernetesManifestsTest.render(overlay);
        List<Destination> destinations = destinations(objects);
        assertTrue(destinations.stream().anyMatch(d -> d.what().equals("kafka"))
                && destinations.stream().anyMatch(d -> d.what().equals("database")), "found: " + destinations);
        List<Destination> blocked = destinations.stream().filter(d -> !allowed(objects, d)).toList();
        assertEquals(List.of(), blocked, "destinations the " + overlay + " overlay's NetworkPolicies do not allow");
    }

    /** The check can fail: take away the policy that opens the identity provider and the JWKS URL is blocked. */
    @Test
    void givenTheProdOverlayWithoutItsIdentityProviderPolicy_whenChecked_thenTheJwksUrlIsBlocked() throws Exception {
        List<HasMetadata> objects = new ArrayList<>(KubernetesManifestsTest.render("prod"));
        objects.removeIf(o -> o instanceof NetworkPolicy p
                && String.valueOf(p.getMetadata().getAnnotations()).contains("sso."));
        List<Destination> blocked = destinations(objects).stream().filter(d -> !allowed(objects, d)).toList();
        assertTrue(!blocked.isEmpty() && blocked.stream().allMatch(d -> d.what().equals("jwks")), "blocked: " + blocked);
    }

    static List<Destination> destinations(List<HasMetadata> objects) {
        Map<String, String> config = new HashMap<>();
        objects.stream().filter(o -> o instanceof ConfigMap c && "workplan-config".equals(c.getMetadata().getName()))
                .forEach(c -> config.putAll(((ConfigMap) c).getData()));
        List<Destination> out = new ArrayList<>();
        for (String name : ServiceConfig.SERVICES) {
            Deployment d = objects.stream().filter(o -> o instanceof Deployment && name.equals(o.getMetadata().getName()))
                    .map(Deployment.class::cast).findFirst().orElseThrow();
            Map<String, String> env = new HashMap<>(config);
            for (EnvVar v : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (v.getValue() != null) {
                    env.put(v.getName(), expand(v.getValue(), env));
                }
            }
            for (String server : env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
                if (!server.isBlank()) {
                    String[] hp = server.strip().split(":");
                    out.add(new Destination(name, "kafka", hp[0], Integer.parseInt(hp[1])));
                }
            }
            if (env.containsKey("DB_URL")) {
                URI db = URI.create(env.get("DB_URL").substring("jdbc:".length()));
                out.add(new Destination(name, "database", db.getHost(), db.getPort() < 0 ? 5432 : db.getPort()));
            }
            url(env.get("JWT_PUBLIC_KEY_LOCATION")).ifPresent(u -> out.add(new Destination(name, "jwks", u.getHost(), port(u))));
            url(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")).ifPresent(u -> out.add(new Destination(name, "otlp", u.getHost(), port(u))));
        }
        return out;
    }

    static boolean allowed(List<HasMetadata> objects, Destination d) {
        Map<String, String> podLabels = podLabels(objects, d.service());
        Map<String, String> target = targetLabels(objects, d.host());
        for (HasMetadata o : objects) {
            if (!(o instanceof NetworkPolicy p) || p.getSpec().getEgress() == null
                    || !p.getSpec().getPolicyTypes().contains("Egress") || !selects(p.getSpec().getPodSelector(), podLabels)) {
                continue;
            }
            Set<String> declared = new LinkedHashSet<>();
            String annotation = p.getMetadata().getAnnotations() == null ? null
                    : p.getMetadata().getAnnotations().get(EGRESS_FOR);
            if (annotation != null) {
                Arrays.stream(annotation.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(declared::add);
            }
            for (NetworkPolicyEgressRule rule : p.getSpec().getEgress()) {
                boolean port = rule.getPorts() == null || rule.getPorts().stream()
                        .anyMatch(pt -> pt.getPort() != null && pt.getPort().getIntVal() != null
                                && pt.getPort().getIntVal() == d.port());
                if (!port || rule.getTo() == null) {
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    boolean inNamespace = peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                            && peer.getPodSelector() != null;
                    if (inNamespace && target != null && selects(peer.getPodSelector(), target)) {
                        return true;
                    }
                    if (!inNamespace && declared.contains(d.host() + ":" + d.port())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The labels of the pods behind an in-namespace host, or null when the host is not one. */
    private static Map<String, String> targetLabels(List<HasMetadata> objects, String host) {
        if (host.contains(".")) {
            return null; // another namespace or beyond the cluster
        }
        for (HasMetadata o : objects) {
            if (o instanceof Service s && host.equals(s.getMetadata().getName()) && s.getSpec().getSelector() != null) {
                return s.getSpec().getSelector();
            }
        }
        Matcher strimzi = Pattern.compile("(.+)-kafka-bootstrap").matcher(host);
        if (strimzi.matches()) {
            return Map.of("strimzi.io/cluster", strimzi.group(1));
        }
        Matcher cnpg = Pattern.compile("(.+)-(rw|ro|r)").matcher(host);
        if (cnpg.matches()) {
            return Map.of("cnpg.io/cluster", cnpg.group(1));
        }
        return null;
    }

    private static Map<String, String> podLabels(List<HasMetadata> objects, String service) {
        return objects.stream().filter(o -> o instanceof Deployment && service.equals(o.getMetadata().getName()))
                .map(o -> ((Deployment) o).getSpec().getTemplate().getMetadata().getLabels()).findFirst().orElseThrow();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            return false; // not used by the suite's policies; refuse rather than guess
        }
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static String expand(String value, Map<String, String> env) {
        Matcher m = EXPANSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static java.util.Optional<URI> url(String value) {
        return value != null && (value.startsWith("http://") || value.startsWith("https://"))
                ? java.util.Optional.of(URI.create(value)) : java.util.Optional.empty();
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
