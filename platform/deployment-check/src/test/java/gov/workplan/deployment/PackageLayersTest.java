package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service has the same inner shape — api, domain, events, persistence — and the rules in domain depend
 * on none of the others: they declare what they need (a store to read, events to announce) as interfaces the
 * adapters implement. So nothing imports in a circle. Read from the sources, imports and same-package-free
 * references alike (a fully qualified name counts as an import).
 */
class PackageLayersTest {

    private static final Set<String> LAYERS = Set.of("api", "domain", "events", "persistence");

    @ParameterizedTest
    @ValueSource(strings = {"targets", "reporting", "assessment"})
    void givenAServicesSources_whenTheirLayersAreRead_thenDomainDependsOnNoAdapterAndNoLayersImportInACircle(
            String service) throws IOException {
        Path root = ServiceConfig.ROOT.resolve(service + "-service/src/main/java/gov/workplan/" + service);
        Pattern reference = Pattern.compile("gov\\.workplan\\." + service + "\\.(" + String.join("|", LAYERS) + ")\\.");
        Map<String, Set<String>> uses = new TreeMap<>();
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String layer = root.relativize(file).getName(0).toString();
                if (!LAYERS.contains(layer)) {
                    continue;
                }
                Matcher m = reference.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(layer)) {
                        uses.computeIfAbsent(layer, l -> new TreeSet<>()).add(m.group(1));
                        if (layer.equals("domain")) {
                            offending.add(root.relativize(file) + " uses " + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(offending.isEmpty(), "domain must not depend on an adapter: " + offending);
        for (String from : uses.keySet()) {
            assertTrue(!reaches(uses, from, from, new TreeSet<>()), service + ": a cycle through " + from + " in " + uses);
        }
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen))) {
                return true;
            }
        }
        return false;
    }
}
