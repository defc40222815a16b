package gov.workplan.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Bad input at every endpoint of a service, as its committed OpenAPI document lists them: malformed
 * JSON, wrong types, unknown fields, NaN and huge numbers, injection strings in bodies, path and query
 * parameters, and a body over the size limit. Every answer must be a 4xx problem+json (or, for a
 * harmless query filter, an ordinary answer) — never a 5xx — and the service's data is as it was
 * ({@link DatabaseState}). Called by a caller holding every role (the reporter of futian), so the input and not
 * the role is what is refused — a reporter-only endpoint's limits are attacked too. A service's test extends it
 * under {@code @QuarkusTest}.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
public abstract class BadInputSweep {

    private static final String INJECTION = "x'; drop table report; -- <script>alert(1)</script> ${jndi:ldap://x} \u0000";
    private static final List<String> BAD_BODIES = List.of(
            "{\"plan\": ",                                   // malformed
            "[]", "\"text\"", "42", "null",                  // wrong shapes
            "{\"plan\": 42, \"period\": [], \"unit\": {}, \"content\": \"x\", \"reason\": 7}", // wrong types
            "{\"unknownField\": 1, \"status\": \"ACCEPTED\", \"score\": 100, \"rank\": 1}", // unknown / mass assignment
            "{\"value\": NaN, \"plan\": Infinity}",          // not JSON numbers
            "{\"value\": 1e400, \"year\": 99999999999999999999, \"version\": -1}",  // huge and negative
            "{\"plan\": \"" + INJECTION.replace("\u0000", "\\u0000") + "\", \"period\": \"" + INJECTION.replace("\u0000", "")
                    + "\", \"unit\": \"../../etc/passwd\"}");

    /** One request of the sweep. */
    public record Probe(String method, String path, String contentType, String body, String why) {
        @Override
        public String toString() {
            return method + " " + path + " — " + why;
        }
    }

    /** Integers at and past the edges of int and long: every query parameter gets each. */
    private static final List<String> INTEGER_EDGES = List.of("2147483647", "2147483648", "-2147483649",
            "9223372036854775808", "-1");

    /** How many probes of each kind this JVM's sweep fired; printed when it ends. */
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> FIRED = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<Probe> probes() {
        JsonNode doc = openApi();
        List<Probe> probes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            if (entry.getKey().endsWith("/stream")) {
                continue; // Server-Sent Events: a long-lived answer, not an input
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                    continue;
                }
                String injected = entry.getKey().replaceAll("\\{[^}]+}", encode(INJECTION));
                probes.add(new Probe(method, injected, null, null, "injection in every path parameter"));
                String longQuery = entry.getKey().replaceAll("\\{[^}]+}", "x".repeat(300));
                probes.add(new Probe(method, longQuery, null, null, "300-character path parameters"));
                StringBuilder query = new StringBuilder();
                Map<String, String> examples = new java.util.LinkedHashMap<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText())) {
                        query.append(query.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=')
                                .append(encode(INJECTION));
                        examples.put(p.path("name").asText(), p.path("example").asText("any"));
                    }
                }
                String anyPath = entry.getKey().replaceAll("\\{[^}]+}", "any");
                if (query.length() > 0) {
                    probes.add(new Probe(method, anyPath + query, null, null, "injection in every query parameter"));
                }
                // Each query parameter at the integer edges, the others at their examples.
                for (String name : examples.keySet()) {
                    for (String edge : INTEGER_EDGES) {
                        Map<String, String> values = new java.util.LinkedHashMap<>(examples);
                        values.put(name, edge);
                        probes.add(new Probe(method, anyPath + queryString(values), null, null,
                                "query " + name + "=" + edge));
                    }
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.has("application/json")) {
                    for (String body : BAD_BODIES) {
                        probes.add(new Probe(method, anyPath, "application/json",
                                body, "body " + (body.length() > 40 ? body.substring(0, 40) + "…" : body)));
                    }
                    probes.addAll(BodyLimits.probes(doc, method, anyPath, content.path("application/json").path("schema")));
                }
                if (content.has(XLSX)) {
                    String upload = anyPath + queryString(examples);
                    for (HostileWorkbooks.Hostile hostile : HostileWorkbooks.all("any-plan", "2011-Q2",
                            examples.getOrDefault("unit", "futian"))) {
                        probes.add(new Probe(method, upload, XLSX, HOSTILE + hostile.name(), "hostile file: " + hostile.name()));
                    }
                }
                if (content.size() > 0) {
                    probes.add(new Probe(method, anyPath, content.fieldNames().next(), "OVERSIZE", "an 11 MB body"));
                }
            }
        }
        return probes.stream();
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HOSTILE = "HOSTILE:";

    private static JsonNode openApi() {
        try {
            return EventFixtures.JSON.readTree(Path.of("openapi", "openapi.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("the sweep reads the committed openapi/openapi.json", e);
        }
    }

    private static String queryString(Map<String, String> values) {
        StringBuilder q = new StringBuilder();
        values.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(encode(v)));
        return q.toString();
    }

    /** Last: says how many probes it fired, and that the service is still ready and live after all of them. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void givenTheWholeSweep_whenItIsOver_thenTheServiceIsStillReadyAndItsWorkersRunning() {
        int total = FIRED.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
        System.out.println("bad-input sweep of " + Path.of("").toAbsolutePath().getFileName() + ": " + total
                + " probes fired, 0 answered 5xx — " + new java.util.TreeMap<>(FIRED));
        assertTrue(total > 0, "the sweep fired no probe");
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Management.given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'background workers' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }

    /** Every role at once (the reporter's unit futian), so each probe reaches the endpoint's own checks. */
    private static final String SWEEPER = TestTokens.everyRole("futian");

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.api.Order(1)
    @MethodSource("probes")
    void givenBadInput_whenSentToAnEndpoint_thenTheAnswerIsA4xxProblemNeverA5xx(Probe probe) throws Exception {
        FIRED.computeIfAbsent(kind(probe), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        if ("OVERSIZE".equals(probe.body())) {
            assertEquals(413, oversize(probe), probe + ": a body over the limit");
            return;
        }
        if (probe.why().startsWith(BodyLimits.AT_LIMIT)) {
            atLimit(probe);
            return;
        }
        String before = DatabaseState.fingerprint();
        RequestSpecification request = given().auth().oauth2(SWEEPER).urlEncodingEnabled(false);
        if (probe.body() != null && probe.body().startsWith(HOSTILE)) {
            String name = probe.body().substring(HOSTILE.length());
            request.contentType(probe.contentType()).body(HostileWorkbooks.all("any-plan", "2011-Q2", "futian").stream()
                    .filter(h -> h.name().equals(name)).findFirst().orElseThrow().file());
        } else if (probe.body() != null) {
            request.contentType(probe.contentType()).body(probe.body());
        }
        ExtractableResponse<Response> answer = request.when().request(probe.method(), probe.path()).then().extract();
        int status = answer.statusCode();
        assertTrue(status < 500, probe + " answered " + status + ": " + answer.asString());
        if (probe.body() != null) {
            assertTrue(status >= 400, probe + " was accepted: " + status + " " + answer.asString());
        }
        if (status >= 400) {
            assertTrue(String.valueOf(answer.contentType()).startsWith("application/problem+json"),
                    probe + " answered " + status + " as " + answer.contentType() + ": " + answer.asString());
        }
        if (probe.why().startsWith(BodyLimits.OVER_LIMIT)) {
            assertEquals(400, status, probe + ": one past a declared limit");
            String field = probe.why().substring(BodyLimits.OVER_LIMIT.length()).split(" ")[0];
            assertTrue(answer.jsonPath().getList("errors.field").contains(field),
                    probe + " did not name " + field + ": " + answer.asString());
        }
        assertEquals(before, DatabaseState.fingerprint(), probe + " changed the service's data");
    }

    /**
     * A field exactly at its declared limit: whatever else the body says, the answer is never a 5xx (the
     * database stores what the API accepts); a 2xx may change data, so the fingerprint is not compared.
     */
    private static void atLimit(Probe probe) {
        ExtractableResponse<Response> answer = given().auth().oauth2(SWEEPER).urlEncodingEnabled(false)
                .contentType(probe.contentType()).body(probe.body()).when().request(probe.method(), probe.path())
                .then().extract();
        assertTrue(answer.statusCode() < 500, probe + " answered " + answer.statusCode() + ": " + answer.asString());
        if (answer.statusCode() == 400) {
            String field = probe.why().substring(BodyLimits.AT_LIMIT.length()).split(" ")[0];
            assertTrue(!answer.jsonPath().getList("errors.field").contains(field) || !answer.asString().contains("at most"),
                    probe + ": a value at the limit was refused for its length: " + answer.asString());
        }
    }

    private static String kind(Probe probe) {
        String why = probe.why();
        if (why.startsWith("query ")) {
            return "integer edges";
        }
        if (why.startsWith(BodyLimits.AT_LIMIT)) {
            return "at a limit";
        }
        if (why.startsWith(BodyLimits.OVER_LIMIT)) {
            return "limit + 1";
        }
        if (why.startsWith("hostile file")) {
            return "hostile files";
        }
        return "malformed, injected, oversize";
    }

    /**
     * An 11 MB body announced with {@code Expect: 100-continue}, as a well-behaved client sends a large
     * upload: the server refuses it from its Content-Length before a byte of it is sent.
     */
    private static int oversize(Probe probe) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + probe.path()))
                .expectContinue(true).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + SWEEPER).header("Content-Type", probe.contentType())
                .method(probe.method(), HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024])).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
