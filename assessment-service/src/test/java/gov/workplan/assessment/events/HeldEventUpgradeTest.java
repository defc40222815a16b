package gov.workplan.assessment.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.common.events.SchemaVersions;
import gov.workplan.contracts.events.TargetsEvents;
import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.Metrics;
import gov.workplan.testkit.TestDatabase;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The rule for a breaking change, played through: targets-service starts publishing unit.registered at schema
 * version 2 (the names moved into an object). Assessment, still reading version 1, holds the event — parked
 * with a reason that says so, counted, the unit not invented with empty names — and the events behind it go
 * on. Assessment is upgraded to read version 2 (its reader turns a v2 payload into the current record); the
 * office re-drives the dead-letter topic and the unit arrives, once.
 */
@QuarkusTest
class HeldEventUpgradeTest {

    private static final String DLQ = "workplan.targets.assessment-dlq";

    @Inject
    TargetsEventsConsumer consumer;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Test
    void givenAnEventAtANewSchemaVersion_whenHeld_andTheConsumerIsUpgradedAndTheTopicReDriven_thenItIsAppliedOnce()
            throws Exception {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode payload = EventFixtures.JSON.createObjectNode().put("code", "qianhai-" + plan).put("category", "DISTRICT")
                .putNull("parent");
        payload.putObject("names").put("zh", "前海合作区").put("en", "Qianhai");
        ObjectNode v2 = EventFixtures.envelope("targets-service", plan, TargetsEvents.UNIT_REGISTERED, payload);
        v2.put("schemaVersion", 2);
        double heldBefore = Metrics.sum("workplan_events_held_total", "version=\"2\"", "type=\"unit.registered\"");
        try (EventProbe dlq = EventProbe.fromNowOn(DLQ)) {
            EventFixtures.publish(TargetsEvents.TOPIC, plan, List.of(v2));
            List<JsonNode> parked = dlq.awaitUntil(e -> v2.path("id").asText().equals(e.path("id").asText()),
                    Duration.ofSeconds(60));
            assertEquals(1, parked.stream().filter(e -> v2.path("id").asText().equals(e.path("id").asText())).count());
        }
        assertEquals(1, Metrics.sum("workplan_events_held_total", "version=\"2\"", "type=\"unit.registered\"") - heldBefore,
                "the held event is counted");
        assertEquals(Optional.empty(), unitName("qianhai-" + plan), "a held event is not applied with defaults");
        JsonPath listed = given().auth().oauth2(TestTokens.office()).when().get("/api/v1/dead-letters").then()
                .statusCode(200).extract().jsonPath();
        String reason = listed.getString("find { it.eventId == '" + v2.path("id").asText() + "' }.reason");
        assertTrue(reason != null && reason.contains("schema version 2"), "the reason says why: " + reason);

        // The upgrade: the next build reads version 2 as well, moving the names back where the record has them.
        SchemaVersions before = consumer.reads();
        consumer.reads(before.and(2, p -> {
            ObjectNode current = ((ObjectNode) p).deepCopy();
            current.put("nameZh", p.path("names").path("zh").asText()).put("nameEn", p.path("names").path("en").asText());
            current.remove("names");
            return current;
        }));
        try {
            JsonPath first = given().auth().oauth2(TestTokens.office()).queryParam("topic", DLQ).when()
                    .post("/api/v1/dead-letters/redrive").then().statusCode(200).extract().jsonPath();
            assertTrue(first.getInt("applied") >= 1, "the held event applied: " + first.prettify());
            assertEquals(Optional.of("前海合作区"), unitName("qianhai-" + plan));
            JsonPath again = given().auth().oauth2(TestTokens.office()).queryParam("topic", DLQ).when()
                    .post("/api/v1/dead-letters/redrive").then().statusCode(200).extract().jsonPath();
            assertEquals(0, again.getInt("applied"), "re-driving again applies nothing: " + again.prettify());
        } finally {
            consumer.reads(before);
        }
    }

    private Optional<String> unitName(String code) throws Exception {
        try (Connection c = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
                PreparedStatement s = c.prepareStatement("select name_zh from unit where code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }
}
