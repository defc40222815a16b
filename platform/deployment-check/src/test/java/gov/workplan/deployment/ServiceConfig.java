package gov.workplan.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own configuration says, read from the repository: its API and management ports, the
 * environment variables it reads, the ones it cannot start without in production, and its health paths.
 * Deployment files are checked against this, so a renamed variable or a moved port fails a test.
 */
record ServiceConfig(String name, int port, int managementPort, Set<String> knownEnv, Set<String> requiredInProd,
        String healthRoot) {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("targets-service", "reporting-service", "assessment-service");
    private static final Path COMMON = ROOT.resolve("platform/suite-common");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");

    static ServiceConfig of(String service) {
        Properties props = new Properties();
        load(props, COMMON.resolve("src/main/resources/META-INF/microprofile-config.properties"));
        load(props, ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        Set<String> known = new TreeSet<>();
        known.add("QUARKUS_PROFILE"); // Quarkus's own: which profiles are active
        Set<String> required = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            known.add(env(key.replaceFirst("^%[a-z]+\\.", "")));
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                known.add(m.group(1));
                if (key.startsWith("%prod.") && m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
        }
        for (Path sources : List.of(ROOT.resolve(service).resolve("src/main/java"), COMMON.resolve("src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Matcher m = CONFIG_PROPERTY.matcher(read(p));
                    while (m.find()) {
                        known.add(env(m.group(1)));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String root = props.getProperty("quarkus.smallrye-health.root-path", "health");
        String nonApplication = props.getProperty("quarkus.http.non-application-root-path", "q");
        if (!"true".equals(props.getProperty("quarkus.management.enabled"))) {
            throw new IllegalStateException(service + ": health and metrics are expected on the management interface");
        }
        return new ServiceConfig(service, Integer.parseInt(props.getProperty("quarkus.http.port")),
                Integer.parseInt(props.getProperty("quarkus.management.port")), known, required,
                "/" + nonApplication + "/" + root);
    }

    /** The environment variable MicroProfile Config maps to a property: upper case, non-alphanumerics as _. */
    static String env(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static void load(Properties props, Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
