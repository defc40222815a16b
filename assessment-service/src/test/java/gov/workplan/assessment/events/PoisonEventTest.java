package gov.workplan.assessment.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.AssessmentFixture.Row;
import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.EventProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An event assessment cannot apply — a payload outside the contract, an unknown schema version — is parked on
 * its dead-letter topic with its reason; the ones behind it go on.
 */
@QuarkusTest
class PoisonEventTest {

    @Test
    void givenAnEventAssessmentCannotApply_whenConsumed_thenItIsParkedOnTheDeadLetterTopic_andTheNextOneIsApplied() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode poison = EventFixtures.envelope("reporting-service", plan, "report.submitted",
                EventFixtures.JSON.createObjectNode().put("plan", plan).put("unit", "futian").put("period", "the third quarter"));
        ObjectNode next = AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED",
                new Row("futian", 60, true, false));
        double parkedBefore = gov.workplan.testkit.Metrics.sum("workplan_events_parked_total",
                "topic=\"workplan.reporting\"", "reason=\"contract\"");
        try (EventProbe dlq = EventProbe.fromNowOn("workplan.reporting.assessment-dlq")) {
            AssessmentFixture.publishReports(plan, List.of(poison, next));
            List<JsonNode> parked = dlq.awaitUntil(e -> poison.path("id").asText().equals(e.path("id").asText()),
                    Duration.ofSeconds(60));
            assertEquals(1, parked.stream().filter(e -> poison.path("id").asText().equals(e.path("id").asText())).count());
        }
        assertEquals(1, gov.workplan.testkit.Metrics.sum("workplan_events_parked_total", "topic=\"workplan.reporting\"",
                "reason=\"contract\"") - parkedBefore, "the parked event is counted, as a payload outside the contract");
        // The report published after the poison is applied: futian is ranked for 2011-Q2.
        AssessmentFixture.awaitRanking(plan, r -> r.getList("[0].entries.unit", String.class).contains("futian")
                && r.getFloat("[0].entries.find { it.unit == 'futian' }.score") == 112f);
    }

    /**
     * A report event at a schema version assessment does not read (2, say, with a renamed field) is held:
     * not applied with defaults, not skipped — parked with a reason that says so, and counted. An extra
     * envelope field it does not know parks nothing: the event behind it, at version 1, is applied.
     */
    @Test
    void givenAnEventAtAnUnknownSchemaVersion_whenConsumed_thenItIsHeldWithItsReasonAndCounted_andOthersGoOn() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode v2 = AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED",
                new Row("luohu", 90, true, false));
        v2.put("schemaVersion", 2);
        ObjectNode next = AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED",
                new Row("futian", 60, true, false));
        next.put("producedBy", "reporting-service 2.0"); // an envelope field added by a newer producer
        double heldBefore = gov.workplan.testkit.Metrics.sum("workplan_events_held_total", "version=\"2\"");
        try (EventProbe dlq = EventProbe.fromNowOn("workplan.reporting.assessment-dlq")) {
            AssessmentFixture.publishReports(plan, List.of(v2, next));
            List<JsonNode> parked = dlq.awaitUntil(e -> v2.path("id").asText().equals(e.path("id").asText()),
                    Duration.ofSeconds(60));
            assertEquals(1, parked.stream().filter(e -> v2.path("id").asText().equals(e.path("id").asText())).count());
            assertEquals(0, parked.stream().filter(e -> next.path("id").asText().equals(e.path("id").asText())).count());
        }
        AssessmentFixture.awaitRanking(plan, r -> r.getList("[0].entries.unit", String.class).contains("futian")
                && r.getFloat("[0].entries.find { it.unit == 'futian' }.score") == 112f);
        assertEquals(1, gov.workplan.testkit.Metrics.sum("workplan_events_held_total", "version=\"2\"") - heldBefore,
                "the held event is counted");
    }

    /**
     * The first report of a period comes from a unit assessment does not assess (no target or task has
     * reached it — e.g. while a fresh database replays both topics at once): the period is computed for
     * the units that are assessed, and the report is kept, never parked as a failure. Proven by a poison
     * event sent after it: the dead-letter topic, in order, receives the poison and nothing before it.
     */
    @Test
    void givenAPeriodsFirstReportFromAUnitWithoutTargetsOrTasks_whenConsumed_thenItIsKeptAndNotParked() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode unassessed = EventFixtures.envelope("reporting-service", plan, "report.submitted",
                EventFixtures.JSON.createObjectNode().put("reportId", UUID.randomUUID().toString()).put("plan", plan)
                        .put("period", "2011-Q3").put("year", 2011).put("quarter", 3).put("unit", "leading-group")
                        .put("status", "SUBMITTED").put("version", 1).put("imported", false)
                        .put("timeliness", "ON_TIME").set("content", EventFixtures.JSON.createObjectNode()));
        ObjectNode poison = EventFixtures.envelope("reporting-service", plan, "report.submitted",
                EventFixtures.JSON.createObjectNode().put("plan", plan).put("unit", "futian").put("period", "never"));
        try (EventProbe dlq = EventProbe.fromNowOn("workplan.reporting.assessment-dlq")) {
            AssessmentFixture.publishReports(plan, List.of(unassessed, poison));
            List<JsonNode> parked = dlq.awaitUntil(e -> poison.path("id").asText().equals(e.path("id").asText()),
                    Duration.ofSeconds(60));
            assertEquals(0, parked.stream().filter(e -> unassessed.path("id").asText().equals(e.path("id").asText()))
                    .count(), "the unassessed unit's report was parked as a failure");
        }
    }

    /**
     * Only reporting-service speaks on workplan.reporting: a report event claiming another source — whoever could
     * write the topic — is refused, parked with the reason, and the genuine event behind it is applied.
     */
    @Test
    void givenAReportEventFromAServiceThatDoesNotOwnTheTopic_whenConsumed_thenItIsRefusedAndParked_andOthersGoOn() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode impostor = AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED",
                new Row("luohu", 100, true, false));
        impostor.put("source", "assessment-service");
        ObjectNode next = AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED",
                new Row("futian", 60, true, false));
        double before = gov.workplan.testkit.Metrics.sum("workplan_events_parked_total", "topic=\"workplan.reporting\"",
                "reason=\"contract\"");
        try (EventProbe dlq = EventProbe.fromNowOn("workplan.reporting.assessment-dlq")) {
            AssessmentFixture.publishReports(plan, List.of(impostor, next));
            List<JsonNode> parked = dlq.awaitUntil(e -> impostor.path("id").asText().equals(e.path("id").asText()),
                    Duration.ofSeconds(60));
            assertEquals(1, parked.stream().filter(e -> impostor.path("id").asText().equals(e.path("id").asText())).count());
        }
        assertEquals(1, gov.workplan.testkit.Metrics.sum("workplan_events_parked_total", "topic=\"workplan.reporting\"",
                "reason=\"contract\"") - before);
        io.restassured.path.json.JsonPath listed = io.restassured.RestAssured.given()
                .auth().oauth2(gov.workplan.testkit.TestTokens.office()).when().get("/api/v1/dead-letters").then()
                .statusCode(200).extract().jsonPath();
        String reason = listed.getString("find { it.eventId == '" + impostor.path("id").asText() + "' }.reason");
        org.junit.jupiter.api.Assertions.assertTrue(reason != null && reason.contains("is not the owner"), reason);
        assertEquals(false, listed.getBoolean("find { it.eventId == '" + impostor.path("id").asText() + "' }.appliedSince"),
                "nothing of it was applied");
        AssessmentFixture.awaitRanking(plan, r -> r.getList("[0].entries.unit", String.class).contains("futian")
                && r.getFloat("[0].entries.find { it.unit == 'futian' }.score") == 112f);
    }

    /**
     * report.due-soon changed its shape (version 2: officers by id, no contact details). Both the new version and
     * the old one still in the topic's history are read — the old one without its officers — and neither is
     * parked: proven by a poison event sent after them, the only one the dead-letter topic receives.
     */
    @Test
    void givenDueSoonRemindersOfBothVersions_whenConsumed_thenNeitherIsParked() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode v1 = EventFixtures.envelope("reporting-service", plan, "report.due-soon", EventFixtures.JSON
                .createObjectNode().put("plan", plan).put("period", "2011-Q3").put("year", 2011).put("quarter", 3)
                .put("unit", "futian").put("deadline", "2011-10-09T16:00:00Z"));
        ((ObjectNode) v1.path("payload")).putArray("officers").addObject().put("name", "李华").put("phone", "0755-26666666")
                .put("email", "lihua@szns.gov.cn");
        ObjectNode v2 = EventFixtures.envelope("reporting-service", plan, "report.due-soon", EventFixtures.JSON
                .createObjectNode().put("plan", plan).put("period", "2011-Q3").put("year", 2011).put("quarter", 3)
                .put("unit", "nanshan").put("deadline", "2011-10-09T16:00:00Z"));
        v2.put("schemaVersion", 2);
        ((ObjectNode) v2.path("payload")).putArray("officers").addObject().put("id", 7);
        ObjectNode poison = EventFixtures.envelope("reporting-service", plan, "report.submitted",
                EventFixtures.JSON.createObjectNode().put("plan", plan).put("unit", "futian").put("period", "never"));
        try (EventProbe dlq = EventProbe.fromNowOn("workplan.reporting.assessment-dlq")) {
            AssessmentFixture.publishReports(plan, List.of(v1, v2, poison));
            List<JsonNode> parked = dlq.awaitUntil(e -> poison.path("id").asText().equals(e.path("id").asText()),
                    Duration.ofSeconds(60));
            assertEquals(0, parked.stream().filter(e -> v1.path("id").asText().equals(e.path("id").asText())
                    || v2.path("id").asText().equals(e.path("id").asText())).count(), "a reminder was parked");
        }
    }
}
