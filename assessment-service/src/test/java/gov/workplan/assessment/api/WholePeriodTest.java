package gov.workplan.assessment.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A quarter's first report assesses every unit of the plan at once, written several hundred rows to a
 * statement. A plan with more units than one statement holds proves the rows of every statement land
 * on their own units: each unit once, the two reporters — the first unit and the last, in different
 * statements — scored alike and above everyone who has not reported.
 */
@QuarkusTest
class WholePeriodTest {

    private static final int UNITS = 501;

    @Test
    void givenMoreUnitsThanOneStatementHolds_whenAQuartersFirstReportsArrive_thenEveryUnitIsAssessedOnceWithItsOwnScore() {
        String plan = "wp-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(String.format("%s-county-%03d", plan, i));
        }
        publishPlan(plan, units);
        String first = units.get(0);
        String last = units.get(UNITS - 1);
        EventFixtures.publish("workplan.reporting", plan, List.of(report(plan, first), report(plan, last)));

        JsonPath ranking = awaitDistrictRanking(plan, r -> r.getList("[0].entries").size() == UNITS
                && r.getList("[0].entries.unit", String.class).subList(0, 2).containsAll(List.of(first, last)));
        List<String> ranked = ranking.getList("[0].entries.unit", String.class);
        assertEquals(UNITS, new HashSet<>(ranked).size(), "every unit once");
        assertEquals(new HashSet<>(units), new HashSet<>(ranked), "the plan's units, no other");
        List<Float> scores = ranking.getList("[0].entries.score", Float.class);
        assertEquals(scores.get(0), scores.get(1), "the two reporters, written by different statements, score alike");
        assertTrue(scores.get(1) > scores.get(2), "above those who have not reported: " + scores.subList(0, 3));
        assertEquals(1, new HashSet<>(scores.subList(2, UNITS)).size(), "everyone else alike: " + new HashSet<>(scores));
    }

    private static void publishPlan(String plan, List<String> units) {
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode registered = EventFixtures.JSON.createObjectNode().put("code", plan).put("title", "五百零一个县的方案")
                .put("titleEn", "A plan of 501 counties").put("spanFrom", 2011).put("spanTo", 2011).put("topUnit", units.get(0))
                .put("officeUnit", units.get(0));
        registered.putArray("industries").addObject().put("code", "bio").put("nameZh", "生物").put("nameEn", "Biotech");
        events.add(targets(plan, "plan.registered", registered));
        for (String unit : units) {
            events.add(targets(plan, "unit.registered", EventFixtures.JSON.createObjectNode().put("code", unit)
                    .put("nameZh", unit).put("nameEn", unit).put("category", "DISTRICT")));
        }
        events.add(targets(plan, "indicator.defined", EventFixtures.JSON.createObjectNode().put("plan", plan)
                .put("code", "scale").put("nameZh", "产业规模").put("industry", "bio").put("unitOfMeasure", "亿元")));
        for (String unit : units) {
            events.add(targets(plan, "target.set", EventFixtures.JSON.createObjectNode().put("plan", plan).put("unit", unit)
                    .put("indicator", "scale").put("year", 2011).put("kind", "AT_LEAST").put("value", 100).put("revision", 0)
                    .put("unitOfMeasure", "亿元")));
        }
        events.add(targets(plan, "plan.import-completed", EventFixtures.JSON.createObjectNode().put("plan", plan)));
        EventFixtures.publish("workplan.targets", plan, events);
    }

    /** Half of the 2011 target by the end of Q2, on time. */
    private static ObjectNode report(String plan, String unit) {
        ObjectNode p = EventFixtures.JSON.createObjectNode().put("reportId", UUID.randomUUID().toString()).put("plan", plan)
                .put("period", "2011-Q2").put("year", 2011).put("quarter", 2).put("unit", unit).put("unitCategory", "DISTRICT")
                .put("status", "SUBMITTED").put("version", 1);
        ObjectNode content = p.putObject("content");
        content.putArray("indicators").addObject().put("indicator", "scale").put("value", 50);
        content.putArray("tasks");
        p.putArray("warnings");
        p.put("actor", "reporter-" + unit).put("at", "2011-07-08T02:00:00Z").put("firstSubmittedAt", "2011-07-08T02:00:00Z")
                .put("timeliness", "ON_TIME").put("lateBySeconds", 0).put("dueDate", "2011-07-10")
                .put("deadline", "2011-07-10T16:00:00Z").put("imported", false);
        return EventFixtures.envelope("reporting-service", plan, "report.submitted", p);
    }

    private static ObjectNode targets(String plan, String type, ObjectNode payload) {
        return EventFixtures.envelope("targets-service", plan, type, payload);
    }

    private static JsonPath awaitDistrictRanking(String plan, java.util.function.Predicate<JsonPath> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "none";
        while (System.nanoTime() < deadline) {
            var answer = given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                    .queryParam("category", "DISTRICT").when().get("/api/v1/rankings").then().extract();
            if (answer.statusCode() == 200) {
                JsonPath ranking = answer.jsonPath();
                try {
                    if (ready.test(ranking)) {
                        return ranking;
                    }
                } catch (RuntimeException notYet) {
                    // no entries yet
                }
                last = answer.asString();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the 2011-Q2 ranking of " + plan + " never held all " + UNITS + " units; last: "
                + last.substring(0, Math.min(2000, last.length())));
    }
}
