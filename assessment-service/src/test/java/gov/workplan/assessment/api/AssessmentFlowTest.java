package gov.workplan.assessment.api;

import static gov.workplan.assessment.AssessmentFixture.Q2;
import static gov.workplan.assessment.AssessmentFixture.awaitRanking;
import static gov.workplan.assessment.AssessmentFixture.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.AssessmentFixture.Row;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.Metrics;
import gov.workplan.testkit.Problems;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The heartbeat, on the real broker and database: the plan from targets' events, the eight districts'
 * reports from reporting's events, rankings as computed by hand in {@link AssessmentFixture}; a correction
 * reorders; duplicates and replays change nothing; the published snapshot outlives later corrections.
 */
@QuarkusTest
class AssessmentFlowTest {

    private static final List<String> EXPECTED_ORDER = AssessmentFixture.EXPECTED_ORDER;
    private static final List<Float> SCORES = AssessmentFixture.EXPECTED_SCORES;

    private static List<String> units(JsonPath ranking) {
        return ranking.getList("[0].entries.unit", String.class);
    }

    private static final String LAG_COUNT = "workplan_recalculation_lag_seconds_count";
    private static final String SUBMITTED = "type=\"report.submitted\"";

    @Test
    void givenTheEightDistrictsReports_whenRanked_thenScoresAndRanksAreAsComputedByHand_andOnlyCorrectionsMoveThem() {
        String plan = AssessmentFixture.publishPlan();
        double recalculatedBefore = Metrics.sum(LAG_COUNT, SUBMITTED);
        double duplicatesBefore = Metrics.sum("workplan_events_consumed_total", SUBMITTED, "outcome=\"duplicate\"");
        Map<String, UUID> ids = new HashMap<>();
        List<ObjectNode> submitted = new ArrayList<>();
        for (Row row : Q2) {
            ids.put(row.unit(), UUID.randomUUID());
            submitted.add(report(plan, "report.submitted", ids.get(row.unit()), 1, "SUBMITTED", row));
        }
        AssessmentFixture.publishReports(plan, submitted);

        // Eventually consistent: wait until every report (and the whole plan) has been applied.
        JsonPath ranking = awaitRanking(plan, r -> units(r).equals(EXPECTED_ORDER)
                && r.getList("[0].entries.score", Float.class).equals(SCORES));
        assertEquals(EXPECTED_ORDER, units(ranking));
        assertEquals(8, Metrics.sum(LAG_COUNT, SUBMITTED) - recalculatedBefore, "each report's lag to its ranking is measured");
        assertEquals(List.of(1, 2, 3, 3, 5, 6, 7, 8), ranking.getList("[0].entries.rank", Integer.class));
        assertEquals(SCORES, ranking.getList("[0].entries.score", Float.class));

        // The breakdown explains yantian's points: indicators 90, task 100, timeliness 95 (late).
        given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                .when().get("/api/v1/units/yantian/assessment").then().statusCode(200)
                .body("score", equalTo(93.25f))
                .body("components.name", contains("indicators", "tasks", "timeliness"))
                .body("components.points", contains(90f, 100f, 95f))
                .body("indicators[0].status", equalTo("BEHIND"))
                .body("timeliness[0].timeliness", equalTo("LATE"));

        // Duplicates (same event id) and a replayed older version leave everything as it is.
        ObjectNode again = submitted.get(5);
        ObjectNode staleVersion = report(plan, "report.submitted", ids.get("longgang"), 0, "SUBMITTED",
                new Row("longgang", 99, true, false));
        AssessmentFixture.publishReports(plan, List.of(again, again, staleVersion));
        // A later event of the plan, on the same partition, marks the point where those were applied:
        // futian's first 2011-Q3 report, which opens a Q3 ranking and leaves Q2 alone.
        AssessmentFixture.publishReports(plan, List.of(AssessmentFixture.report(plan, "2011-Q3", "report.submitted",
                UUID.randomUUID(), 1, "SUBMITTED", new Row("futian", 80, true, false))));
        awaitPeriodRanked(plan, "2011-Q3");
        JsonPath unchanged = awaitRanking(plan, r -> true);
        assertEquals(EXPECTED_ORDER, units(unchanged));
        assertEquals(76f, unchanged.getFloat("[0].entries.find { it.unit == 'longgang' }.score"));
        assertEquals(2, Metrics.sum("workplan_events_consumed_total", SUBMITTED, "outcome=\"duplicate\"")
                - duplicatesBefore, "both copies of the duplicate were recognised");
        assertEquals(9, Metrics.sum(LAG_COUNT, SUBMITTED) - recalculatedBefore, "the stale version recalculated nothing");

        // Freeze → approve → publish; the public sees the snapshot without a token.
        try (EventProbe probe = EventProbe.fromNowOn("workplan.assessment")) {
            // The reports are submitted, not yet reviewed: freezing them takes an override that says why.
            Problems.assertProblem(given().auth().oauth2(TestTokens.office()).contentType("application/json")
                    .body("{\"plan\": \"" + plan + "\", \"period\": \"2011-Q2\"}").when().post("/api/v1/results")
                    .then(), 409, "overrideReason");
            String result = given().auth().oauth2(TestTokens.office()).contentType("application/json")
                    .body("{\"plan\": \"" + plan + "\", \"period\": \"2011-Q2\", \"overrideReason\": \"领导小组会议前冻结\"}")
                    .when().post("/api/v1/results")
                    .then().statusCode(201).body("status", equalTo("FROZEN"))
                    .body("snapshot.override.reason", equalTo("领导小组会议前冻结"))
                    .body("snapshot.override.unreviewedUnits", org.hamcrest.Matchers.hasItem("futian"))
                    .extract().path("id");
            given().auth().oauth2(TestTokens.office()).when().post("/api/v1/results/" + result + "/publish").then()
                    .statusCode(409);
            given().auth().oauth2(TestTokens.leader()).when().post("/api/v1/results/" + result + "/approve").then()
                    .statusCode(200).body("status", equalTo("APPROVED"));
            given().auth().oauth2(TestTokens.office()).when().post("/api/v1/results/" + result + "/publish").then()
                    .statusCode(200).body("status", equalTo("PUBLISHED"));
            List<JsonNode> events = probe.awaitUntil(e -> "ranking.published".equals(e.path("type").asText())
                    && plan.equals(e.path("plan").asText()), Duration.ofSeconds(30));
            JsonNode published = events.get(events.size() - 1).path("payload");
            assertEquals(result, published.path("resultId").asText());
            JsonNode districts = null;
            for (JsonNode r : published.path("rankings")) {
                districts = "DISTRICT".equals(r.path("category").asText()) ? r : districts;
            }
            assertEquals("futian", districts.path("entries").get(0).path("unit").asText());
        }

        // A correction: longgang's actual 30 → 62 (progress 1.24, counted 1.2) scores 112 and ties futian at rank 1.
        ObjectNode correction = report(plan, "report.corrected", ids.get("longgang"), 3, "ACCEPTED",
                new Row("longgang", 62, true, false));
        AssessmentFixture.publishReports(plan, List.of(correction));
        JsonPath reordered = awaitRanking(plan, r -> "longgang".equals(units(r).get(1)));
        assertEquals(List.of("futian", "longgang", "pingshan", "baoan", "luohu", "yantian", "nanshan", "guangming"),
                units(reordered));
        assertEquals(List.of(1, 1, 3, 4, 4, 6, 7, 8), reordered.getList("[0].entries.rank", Integer.class));

        given().when().queryParam("plan", plan).queryParam("year", 2011).get("/api/v1/public/rankings").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].snapshot.rankings.find { it.category == 'DISTRICT' }.entries.unit",
                        contains(EXPECTED_ORDER.toArray()))
                .body("[0].snapshot.rankings.find { it.category == 'DISTRICT' }.entries.find { it.unit == 'longgang' }"
                        + ".score", equalTo(76));

        // A full rebuild from the stored events' content gives exactly the incremental numbers, in every
        // category: the districts' reports alone also ranked the city and the departments that owe targets
        // or tasks.
        List<Map<String, Object>> before = rankingsOf(plan);
        assertEquals(List.of("CITY", "DEPARTMENT", "DISTRICT", "ENTERPRISE", "LEADING_GROUP"),
                before.stream().map(r -> r.get("category")).toList());
        given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).when().post("/api/v1/assessments/rebuild")
                .then().statusCode(200);
        assertEquals(before, rankingsOf(plan));
    }

    private static List<Map<String, Object>> rankingsOf(String plan) {
        return given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                .when().get("/api/v1/rankings").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static void awaitPeriodRanked(String plan, String period) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", period)
                .when().get("/api/v1/rankings").then().extract().jsonPath().getList("$").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(period + " was not ranked within 60 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
