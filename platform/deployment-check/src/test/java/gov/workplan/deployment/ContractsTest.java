package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The AsyncAPI document for integrators (platform/contracts/asyncapi.yaml): valid by the AsyncAPI
 * initiative's own parser (npm @asyncapi/parser, installed from package-lock.json), and complete —
 * every topic the services' configuration names is a channel, every event type their code publishes
 * is a message.
 */
class ContractsTest {

    private static final Path CONTRACTS = ServiceConfig.ROOT.resolve("platform/contracts");
    private static final Pattern EVENT_TYPE = Pattern.compile("public static final String (?!NAME\\b)[A-Z_]+ = \"([a-z.\\-]+)\";");

    @BeforeAll
    static void installTheParser() throws Exception {
        if (!Files.isDirectory(CONTRACTS.resolve("node_modules/@asyncapi/parser"))) {
            assertEquals(0, run(600, "npm", "ci", "--no-audit", "--no-fund").exit(), "npm ci in " + CONTRACTS);
        }
    }

    @Test
    void givenTheAsyncApiDocument_whenTheAsyncApiParserReadsIt_thenItIsValid() throws Exception {
        Result r = run(120, "node", "validate.mjs", "asyncapi.yaml");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("valid AsyncAPI"), r.output());
    }

    @Test
    void givenTheServices_whenComparedWithTheDocument_thenEveryTopicAndEventTypeIsDescribed() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
        Set<String> channels = new HashSet<>();
        doc.path("channels").forEach(c -> channels.add(c.path("address").asText()));
        Set<String> messages = new HashSet<>();
        doc.path("components").path("messages").forEach(m -> messages.add(m.path("name").asText()));

        Set<String> topics = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (String service : ServiceConfig.SERVICES) {
            Properties props = new Properties();
            try (var r = Files.newBufferedReader(ServiceConfig.ROOT.resolve(service)
                    .resolve("src/main/resources/application.properties"))) {
                props.load(r);
            }
            props.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.") && k.endsWith(".topic"))
                    .forEach(k -> topics.add(props.getProperty(k)));
            try (Stream<Path> files = Files.walk(ServiceConfig.ROOT.resolve(service).resolve("src/main/java"))) {
                for (Path topicClass : files.filter(p -> p.getFileName().toString().endsWith("Topic.java")).toList()) {
                    Matcher m = EVENT_TYPE.matcher(Files.readString(topicClass));
                    while (m.find()) {
                        types.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(types.size() >= 15, "event types found in the services' *Topic classes: " + types);
        assertTrue(channels.containsAll(topics), "topics without a channel: " + minus(topics, channels));
        assertTrue(messages.containsAll(types), "event types without a message: " + minus(types, messages));
        assertTrue(types.containsAll(messages), "messages no service publishes: " + minus(messages, types));
    }

    /**
     * The AsyncAPI document says every contract limit the code holds (gov.workplan.contracts.ContractField),
     * and no other: each field's {@code maxLength} where the document declares it equals the contract's.
     */
    @Test
    void givenTheContractLimits_whenComparedWithTheDocument_thenEveryDeclaredMaxLengthIsTheContractsAndNoOther()
            throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
        java.util.Map<String, Integer> declared = new java.util.TreeMap<>();
        doc.path("components").path("messages").forEach(m -> {
            JsonNode payload = m.path("payload").path("allOf").path(1).path("properties").path("payload");
            collectMaxLengths(m.path("name").asText() + ":", payload, declared);
        });
        java.util.Map<String, Integer> contract = new java.util.TreeMap<>();
        for (gov.workplan.contracts.ContractField f : gov.workplan.contracts.ContractField.values()) {
            f.events().forEach(at -> contract.put(at, f.maxLength()));
        }
        assertTrue(contract.size() >= 15, "contract fields placed in the document: " + contract.keySet());
        org.junit.jupiter.api.Assertions.assertEquals(contract, declared,
                "maxLength in asyncapi.yaml against gov.workplan.contracts.ContractField");
    }

    private static void collectMaxLengths(String prefix, JsonNode schema, java.util.Map<String, Integer> out) {
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode s = p.getValue();
            if (s.has("maxLength")) {
                out.put(prefix + p.getKey(), s.path("maxLength").asInt());
            }
            if (s.path("items").has("properties")) {
                collectMaxLengths(prefix + p.getKey() + "[].", s.path("items"), out);
            }
        });
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(CONTRACTS.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(p.exitValue(), output);
    }
}
