package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * docker/ checked without a Docker engine: compose.yaml as docker-compose resolves it (Debian's
 * docker-compose parses and validates without an engine; .ci/run installs it), and each service in
 * it against the service's own configuration and the Dockerfile.
 */
class DockerComposeTest {

    static final List<String> SERVICES = ServiceConfig.SERVICES;
    private static final Path DOCKER = ServiceConfig.ROOT.resolve("docker");
    private static JsonNode compose;
    private static String dockerfile;

    @BeforeAll
    static void resolveTheComposeFile() throws Exception {
        Process p = new ProcessBuilder("docker-compose", "-f", DOCKER.resolve("compose.yaml").toString(), "config")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String resolved = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not finish");
        assertEquals(0, p.exitValue(), "docker-compose config rejected docker/compose.yaml");
        compose = new ObjectMapper(new YAMLFactory()).readTree(resolved);
        dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    }

    @Test
    void givenTheComposeFile_whenResolved_thenItRunsPostgresKafkaAndTheThreeServices() {
        Set<String> names = new HashSet<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("postgres", "kafka", "targets-service", "reporting-service", "assessment-service"), names);
        assertTrue(compose.path("services").path("kafka").path("image").asText().startsWith("apache/kafka:"));
        assertEquals("broker,controller", compose.path("services").path("kafka").path("environment")
                .path("KAFKA_PROCESS_ROLES").asText());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void givenAServiceInCompose_whenComparedWithItsConfiguration_thenImagePortsEnvironmentAndHealthMatch(String name)
            throws IOException {
        ServiceConfig config = ServiceConfig.of(name);
        JsonNode service = compose.path("services").path(name);
        assertEquals("workplan/" + name + ":1.0.0", service.path("image").asText());
        assertEquals(name, service.path("build").path("args").path("SERVICE").asText());
        assertEquals(String.valueOf(config.port()), service.path("build").path("args").path("PORT").asText(),
                "the image's port follows quarkus.http.port");
        assertEquals(String.valueOf(config.managementPort()), service.path("build").path("args").path("MANAGEMENT_PORT")
                .asText(), "the image's health check follows quarkus.management.port");
        JsonNode port = service.path("ports").get(0);
        assertEquals(config.port(), port.path("target").asInt(), "the container port is the service's port");

        Set<String> env = new HashSet<>();
        service.path("environment").fieldNames().forEachRemaining(env::add);
        for (String variable : env) {
            assertTrue(config.knownEnv().contains(variable), name + " does not read " + variable
                    + "; it reads " + config.knownEnv());
        }
        assertTrue(env.containsAll(config.requiredInProd()), name + " needs " + config.requiredInProd()
                + " in production; compose sets " + env);
        assertTrue(service.path("environment").path("DB_URL").asText().endsWith("/" + name.replace("-service", "")),
                "each service has its own database");
        assertTrue(dockerfile.contains("/q/health/ready") && dockerfile.contains("HEALTH_PORT=${MANAGEMENT_PORT}"),
                "the image checks readiness on the management port");
        assertEquals("/q/health", config.healthRoot(), "the Dockerfile's health path is the service's");
        assertTrue(Files.isDirectory(ServiceConfig.ROOT.resolve(name)), "the build argument names a module");
    }

    @Test
    void givenTheDockerfile_whenRead_thenTheServiceRunsAsFastJarAsANonRootUser() {
        assertTrue(dockerfile.contains("USER 185"), "non-root");
        assertTrue(dockerfile.contains("target/quarkus-app/lib/") && dockerfile.contains("quarkus-run.jar"),
                "Quarkus fast-jar layout");
        assertTrue(dockerfile.contains("HEALTHCHECK"), "a health check");
    }

    /** A JVM out of memory must end (and be restarted), not limp on with its workers dead: image, local run alike. */
    @Test
    void givenEveryWayTheServicesAreStarted_whenRead_thenEachEndsTheJvmOnOutOfMemory() throws Exception {
        assertTrue(dockerfile.matches("(?s).*JAVA_OPTS=\"[^\"]*-XX:\\+ExitOnOutOfMemoryError.*"), "the image's JAVA_OPTS");
        String runSuite = Files.readString(DOCKER.resolveSibling("platform/bin/run-suite"));
        assertTrue(runSuite.matches("(?s).*\\bjava [^\\n]*-XX:\\+ExitOnOutOfMemoryError[^\\n]*-jar .*"), "run-suite");
        String serviceProcess = Files.readString(DOCKER.resolveSibling(
                "platform/benchmark/src/main/java/gov/workplan/benchmark/ServiceProcess.java"));
        assertTrue(serviceProcess.contains("command.add(\"-XX:+ExitOnOutOfMemoryError\")"), "the benchmark and e2e runs");
    }
}
