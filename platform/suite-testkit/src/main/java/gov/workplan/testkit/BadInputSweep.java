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
 * ({@link DatabaseState}). Called as the office, which may call
 * almost everything, so the input and not the role is what is refused. A service's test extends it
 * under {@code @QuarkusTest}.
 */
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

    static Stream<Probe> probes() {
        JsonNode doc;
        try {
            doc = EventFixtures.JSON.readTree(Path.of("openapi", "openapi.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("the sweep reads the committed openapi/openapi.json", e);
        }
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
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText())) {
                        query.append(query.length() == 0 ? "?" : "&").append(p.path("name").asText()).append('=')
                                .append(encode(INJECTION));
                    }
                }
                if (query.length() > 0) {
                    probes.add(new Probe(method, entry.getKey().replaceAll("\\{[^}]+}", "any") + query, null, null,
                            "injection in every query parameter"));
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.has("application/json")) {
                    for (String body : BAD_BODIES) {
                        probes.add(new Probe(method, entry.getKey().replaceAll("\\{[^}]+}", "any"), "application/json",
                                body, "body " + (body.length() > 40 ? body.substring(0, 40) + "…" : body)));
                    }
                }
                if (content.size() > 0) {
                    probes.add(new Probe(method, entry.getKey().replaceAll("\\{[^}]+}", "any"),
                            content.fieldNames().next(), "OVERSIZE", "an 11 MB body"));
                }
            }
        }
        return probes.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void givenBadInput_whenSentToAnEndpoint_thenTheAnswerIsA4xxProblemNeverA5xx(Probe probe) throws Exception {
        if ("OVERSIZE".equals(probe.body())) {
            assertEquals(413, oversize(probe), probe + ": a body over the limit");
            return;
        }
        String before = DatabaseState.fingerprint();
        RequestSpecification request = given().auth().oauth2(TestTokens.office()).urlEncodingEnabled(false);
        if (probe.body() != null) {
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
        assertEquals(before, DatabaseState.fingerprint(), probe + " changed the service's data");
    }

    /**
     * An 11 MB body announced with {@code Expect: 100-continue}, as a well-behaved client sends a large
     * upload: the server refuses it from its Content-Length before a byte of it is sent.
     */
    private static int oversize(Probe probe) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + probe.path()))
                .expectContinue(true).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.office()).header("Content-Type", probe.contentType())
                .method(probe.method(), HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024])).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
