package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import gov.workplan.contracts.ContractField;
import gov.workplan.contracts.events.AssessmentEvents;
import gov.workplan.contracts.events.EventEnvelope;
import gov.workplan.contracts.events.ReportingEvents;
import gov.workplan.contracts.events.TargetsEvents;
import gov.workplan.contracts.events.Topic;

/**
 * The AsyncAPI document for integrators (platform/contracts/asyncapi.yaml): valid by the AsyncAPI
 * initiative's own parser (npm @asyncapi/parser, installed from package-lock.json), complete — every topic
 * the services' configuration names is a channel, every event type of the contract is a message — and the
 * same as the contract records the services compile against (platform/suite-contracts), field by field.
 */
class ContractsTest {

    private static final Path CONTRACTS = ServiceConfig.ROOT.resolve("platform/contracts");
    private static final List<Topic> TOPICS = List.of(TargetsEvents.CONTRACT, ReportingEvents.CONTRACT,
            AssessmentEvents.CONTRACT);

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
        JsonNode doc = document();
        Set<String> channels = new HashSet<>();
        doc.path("channels").forEach(c -> channels.add(c.path("address").asText()));
        Set<String> messages = new HashSet<>();
        doc.path("components").path("messages").forEach(m -> messages.add(m.path("name").asText()));

        Set<String> topics = new HashSet<>();
        for (String service : ServiceConfig.SERVICES) {
            Properties props = new Properties();
            try (var r = Files.newBufferedReader(ServiceConfig.ROOT.resolve(service)
                    .resolve("src/main/resources/application.properties"))) {
                props.load(r);
            }
            props.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.") && k.endsWith(".topic"))
                    .forEach(k -> topics.add(props.getProperty(k)));
        }
        Set<String> types = new HashSet<>();
        for (Topic topic : TOPICS) {
            assertTrue(topics.contains(topic.name()), "no service configures the contract's topic " + topic.name());
            types.addAll(topic.payloads().keySet());
        }
        assertTrue(types.size() >= 15, "event types in the contract: " + types);
        assertTrue(channels.containsAll(topics), "topics without a channel: " + minus(topics, channels));
        assertTrue(messages.containsAll(types), "event types without a message: " + minus(types, messages));
        assertTrue(types.containsAll(messages), "messages not in the contract: " + minus(messages, types));
    }

    /**
     * The records are the contract the code compiles against; the document is what integrators read. Each
     * message's payload is the schema named after its record, and each such schema has the record's fields —
     * no more, no fewer — with the same types, required fields and limits (maxLength of every string, maxItems,
     * the range of every number). On a difference the failure prints what the document should say.
     */
    @Test
    void givenTheContractRecords_whenComparedWithTheDocument_thenEverySchemaSaysTheirFieldsTypesAndLimits()
            throws IOException {
        JsonNode doc = document();
        JsonNode schemas = doc.path("components").path("schemas");
        Map<String, JsonNode> messages = new HashMap<>();
        doc.path("components").path("messages").forEach(m -> messages.put(m.path("name").asText(), m));
        List<String> differences = new ArrayList<>();
        Map<String, ObjectNode> implied = new LinkedHashMap<>(EventSchemas.implied(EventEnvelope.class));
        for (Topic topic : TOPICS) {
            topic.payloads().forEach((type, record) -> {
                implied.putAll(EventSchemas.implied(record));
                JsonNode body = messages.getOrDefault(type, MissingNode.getInstance()).path("payload").path("allOf");
                if (!"#/components/schemas/EventEnvelope".equals(body.path(0).path("$ref").asText())
                        || !type.equals(body.path(1).path("properties").path("type").path("const").asText())
                        || !("#/components/schemas/" + record.getSimpleName()).equals(
                                body.path(1).path("properties").path("payload").path("$ref").asText())) {
                    differences.add("message " + type + ": payload must be allOf [EventEnvelope, {type: {const: " + type
                            + "}, payload: {$ref: '#/components/schemas/" + record.getSimpleName() + "'}}]");
                }
            });
        }
        assertTrue(implied.size() >= 20, "records in the contract: " + implied.keySet());
        implied.forEach((name, expected) -> {
            List<String> found = new ArrayList<>();
            compare(name, expected, schemas.path(name), found);
            if (!found.isEmpty()) {
                differences.add(String.join("\n  ", found) + "\n  the record implies:\n    " + name + ": "
                        + expected.toString());
            }
        });
        assertTrue(differences.isEmpty(), "asyncapi.yaml against gov.workplan.contracts.events:\n"
                + String.join("\n", differences));
    }

    /** Every limit of ContractField (the columns' map) is the limit its record declares for that field. */
    @Test
    void givenTheContractFields_whenComparedWithTheRecords_thenEachPlacedFieldHasTheSameLimit() {
        Map<String, Class<? extends Record>> byType = new HashMap<>();
        TOPICS.forEach(t -> byType.putAll(t.payloads()));
        int placed = 0;
        for (ContractField f : ContractField.values()) {
            for (String at : f.events()) {
                String[] typeAndPath = at.split(":");
                Map<String, ObjectNode> all = EventSchemas.implied(byType.get(typeAndPath[0]));
                JsonNode schema = all.get(byType.get(typeAndPath[0]).getSimpleName());
                for (String step : typeAndPath[1].split("\\.")) {
                    schema = schema.path("properties").path(step.replace("[]", ""));
                    if (step.endsWith("[]")) {
                        schema = all.get(schema.path("items").path("$ref").asText().replace("#/components/schemas/", ""));
                    }
                }
                assertEquals(f.maxLength(), schema.path("maxLength").asInt(), f + " at " + at);
                placed++;
            }
        }
        assertTrue(placed >= 15, "contract fields placed in the records: " + placed);
    }

    private static final Set<String> COMPARED = Set.of("type", "format", "maxLength", "maxItems", "minimum", "maximum",
            "exclusiveMaximum", "multipleOf", "$ref");

    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual.isMissingNode()) {
            out.add(at + ": missing");
            return;
        }
        for (String keyword : COMPARED) {
            JsonNode e = expected.path(keyword);
            JsonNode a = actual.path(keyword);
            boolean same = e.isNumber() && a.isNumber() ? e.decimalValue().compareTo(a.decimalValue()) == 0 : e.equals(a);
            if (!same) {
                out.add(at + "." + keyword + ": the document says " + (a.isMissingNode() ? "nothing" : a)
                        + ", the record " + (e.isMissingNode() ? "nothing" : e));
            }
        }
        if (expected.has("oneOf") || actual.has("oneOf")) {
            for (int i = 0; i < Math.max(expected.path("oneOf").size(), actual.path("oneOf").size()); i++) {
                compare(at + ".oneOf[" + i + "]", expected.path("oneOf").path(i), actual.path("oneOf").path(i), out);
            }
        }
        if (expected.has("items") || actual.has("items")) {
            compare(at + "[]", expected.path("items"), actual.path("items"), out);
        }
        Set<String> required = new TreeSet<>();
        actual.path("required").forEach(r -> required.add(r.asText()));
        Set<String> expectedRequired = new TreeSet<>();
        expected.path("required").forEach(r -> expectedRequired.add(r.asText()));
        if (!required.equals(expectedRequired)) {
            out.add(at + ".required: the document says " + required + ", the record " + expectedRequired);
        }
        Set<String> names = new TreeSet<>();
        expected.path("properties").fieldNames().forEachRemaining(names::add);
        actual.path("properties").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            compare(at + "." + name, expected.path("properties").path(name), actual.path("properties").path(name), out);
        }
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
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
