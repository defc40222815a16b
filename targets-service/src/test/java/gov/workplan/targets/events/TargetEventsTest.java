package gov.workplan.targets.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.contracts.events.TargetsEvents;
import gov.workplan.common.events.OutboxEvent;
import gov.workplan.targets.SeedDocument;
import gov.workplan.targets.domain.TargetAmendments;
import gov.workplan.targets.domain.TargetAmendments.Amendment;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.Metrics;
import gov.workplan.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An amendment and its event commit together (transactional outbox): a committed amendment reaches
 * a consumer exactly once; one rolled back reaches nobody.
 */
@QuarkusTest
class TargetEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TargetAmendments amendments;

    private static void amendByApi(String plan, String unit, String indicator, int year, String value, String reason) {
        given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .body("{\"value\": " + value + ", \"reason\": \"" + reason + "\"}")
                .when().post("/api/v1/plans/" + plan + "/targets/" + unit + "/" + indicator + "/" + year + "/amendments")
                .then().statusCode(201);
    }

    private static Predicate<JsonNode> amendmentOf(String plan, String unit, String indicator) {
        return e -> TargetsEvents.TARGET_AMENDED.equals(e.path("type").asText()) && plan.equals(e.path("plan").asText())
                && unit.equals(e.path("payload").path("unit").asText())
                && indicator.equals(e.path("payload").path("indicator").asText());
    }

    @Test
    void givenACommittedAmendment_whenConsumed_thenItsEventArrivesExactlyOnceWithTheFullChange() {
        String plan = SeedDocument.importCopy();
        try (EventProbe probe = EventProbe.fromNowOn(TargetsEvents.TOPIC)) {
            double publishedBefore = Metrics.sum("workplan_events_published_total", "type=\"target.amended\"");
            amendByApi(plan, "futian", "scale.bio", 2012, "33", "exactly once");
            // A later event of the same plan shares the partition: once it is seen, everything before it was.
            amendByApi(plan, "luohu", "scale.bio", 2012, "7", "marker");
            List<JsonNode> events = probe.awaitUntil(amendmentOf(plan, "luohu", "scale.bio"), WAIT);

            List<JsonNode> amended = events.stream().filter(amendmentOf(plan, "futian", "scale.bio")).toList();
            assertEquals(1, amended.size(), "one event for one amendment");
            assertEquals(2, Metrics.awaitSum(publishedBefore + 2, "workplan_events_published_total",
                    "type=\"target.amended\"") - publishedBefore, "the two amendments were counted as published, once each");
            JsonNode event = amended.get(0);
            assertEquals(1, event.path("schemaVersion").asInt());
            assertEquals(plan, event.path("key").asText());
            JsonNode change = event.path("payload");
            assertEquals(2012, change.path("year").asInt());
            assertEquals(0, new BigDecimal("33").compareTo(change.path("value").decimalValue()));
            assertEquals(30, change.path("previous").path("value").asInt());
            assertEquals(30, change.path("baseline").path("value").asInt());
            assertEquals(1, change.path("revision").asInt());
            assertEquals("exactly once", change.path("reason").asText());
            assertEquals("office-test", change.path("changedBy").asText());
            assertEquals("亿元", change.path("unitOfMeasure").asText());
        }
        OutboxEvent row = QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent> find("planCode = ?1 and eventType = ?2 order by seq", plan, TargetsEvents.TARGET_AMENDED)
                .firstResult());
        assertNotNull(row.publishedAt, "the relay marks what the broker acknowledged, so it is not sent again");
    }

    @Test
    void givenAnAmendmentWhoseTransactionRollsBack_whenTheTopicIsRead_thenNoEventWasPublishedAndNothingChanged() {
        String plan = SeedDocument.importCopy();
        try (EventProbe probe = EventProbe.fromNowOn(TargetsEvents.TOPIC)) {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                amendments.amend(plan, "nanshan", "scale.internet", 2012,
                        new Amendment(null, new BigDecimal("999"), null, "rolled back", null), "office-test");
                throw new IllegalStateException("the caller's transaction fails after the amendment");
            }));
            amendByApi(plan, "luohu", "scale.bio", 2012, "7", "marker");
            List<JsonNode> events = probe.awaitUntil(amendmentOf(plan, "luohu", "scale.bio"), WAIT);
            assertTrue(events.stream().noneMatch(amendmentOf(plan, "nanshan", "scale.internet")),
                    "a rolled-back amendment announces nothing");
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .count("planCode = ?1 and eventType = ?2", plan, TargetsEvents.TARGET_AMENDED));
        assertEquals(1, rows, "only the marker's event is in the outbox");
        given().auth().oauth2(TestTokens.office())
                .when().get("/api/v1/plans/" + plan + "/targets/nanshan/scale.internet/2012/revisions")
                .then().statusCode(200).body("size()", equalTo(1));
    }

}
