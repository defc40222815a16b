package gov.workplan.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;

/**
 * What every service answers the same way: readiness on the real database and broker, the audit
 * log's access, and an open API contract. A service's test extends it under {@code @QuarkusTest}.
 */
public abstract class ServiceHealthContract {

    @Inject
    KafkaClientService kafka;

    /**
     * Nothing lost, nothing duplicated by the producer itself: the outbox relay's producer waits for
     * every in-sync replica (acks=all) and is idempotent, which Kafka only guarantees in order with at
     * most five requests in flight. Read from the client's effective configuration, not our files.
     */
    @Test
    void givenTheOutboxProducer_whenItsEffectiveSettingsAreRead_thenItIsIdempotentWithAcksAllAndAtMostFiveInFlight() {
        Map<String, ?> settings = kafka.getProducer("outbox").configuration();
        assertEquals("all", String.valueOf(settings.get("acks")));
        assertEquals("true", String.valueOf(settings.get("enable.idempotence")));
        assertTrue(Integer.parseInt(String.valueOf(settings.get("max.in.flight.requests.per.connection"))) <= 5,
                "max.in.flight.requests.per.connection = " + settings.get("max.in.flight.requests.per.connection"));
    }

    @Test
    void givenTheRealDatabaseAndBroker_whenReadinessIsAsked_thenBothAreCheckedAndUp() {
        Management.given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void givenNoToken_whenTheAuditIsRead_thenTheAnswerIs401ProblemJson() {
        Problems.assertProblem(given().when().get("/api/v1/audit").then(), 401);
    }

    @Test
    void givenAReporterToken_whenTheAuditIsRead_thenTheAnswerIs403ProblemJson() {
        Problems.assertProblem(given().auth().oauth2(TestTokens.reporter("futian")).when().get("/api/v1/audit").then(), 403);
    }

    @Test
    void givenAnOfficeToken_whenTheAuditIsRead_thenItAnswers() {
        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void givenAScraper_whenMetricsAreRead_thenPrometheusTextWithTheOutboxBacklogIsServed() {
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("workplan_outbox_pending"))
                .body(containsString("http_server_requests_seconds"));
    }

    /**
     * The service's API contract is kept in the repository ({@code openapi/openapi.json} in the
     * service's folder) for integrators to read and diff. Any change to the API must show up there:
     * the served document and the committed one must be identical. After an intended change, refresh
     * it with {@code ./mvnw verify -Dopenapi.update=true} and commit the file with the change.
     */
    @Test
    void givenTheCommittedContract_whenTheServedOpenApiIsRead_thenItHasNotDrifted() throws IOException {
        String served = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        String document = EventFixtures.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(EventFixtures.JSON.readTree(served)) + "\n";
        Path committed = Path.of("openapi", "openapi.json");
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, document, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(committed), committed.toAbsolutePath() + " is missing: run ./mvnw verify -Dopenapi.update=true");
        assertEquals(Files.readString(committed, StandardCharsets.UTF_8), document,
                "the API differs from the committed contract " + committed.toAbsolutePath()
                        + "; if the change is intended, run ./mvnw verify -Dopenapi.update=true and commit the file");
    }

    @Test
    void givenNoToken_whenTheOpenApiDocumentAndLivenessAreRead_thenTheyAreServed() {
        given().when().get("/q/openapi").then().statusCode(200);
        Management.given().when().get("/q/health/live").then().statusCode(200);
    }

    /**
     * Health and metrics answer on the management port only: the API port — the one an ingress routes — has
     * neither, so nobody outside the cluster reads them; the API and its contract stay where they were.
     */
    @Test
    void givenTheApiPort_whenHealthOrMetricsAreAsked_thenTheyAreNotThereButOnTheManagementPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health/live").then().statusCode(404);
        Management.given().when().get("/q/health/live").then().statusCode(200);
        Management.given().when().get("/q/openapi").then().statusCode(404);
    }

    /** Liveness watches the background workers: a relay or audit writer that stopped would make it DOWN. */
    @Test
    void givenARunningService_whenLivenessIsRead_thenItReportsTheOutboxRelayAndAuditWriterRunning() {
        Management.given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'background workers' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'background workers' }.data.outbox-relay",
                        org.hamcrest.Matchers.equalTo("running"))
                .body("checks.find { it.name == 'background workers' }.data.audit-writer",
                        org.hamcrest.Matchers.equalTo("running"));
    }
}
