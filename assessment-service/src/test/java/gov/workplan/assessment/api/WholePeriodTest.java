package gov.workplan.assessment.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.contracts.events.TargetsEvents;
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

    /** The plan's events built from the contract's records, as targets-service builds them. */
    private static void publishPlan(String plan, List<String> units) {
        BigDecimal hundred = new BigDecimal("100");
        TargetsEvents.Counts counts = new TargetsEvents.Counts(units.size(), 1, units.size(), 0);
        List<ObjectNode> events = new ArrayList<>();
        events.add(targets(plan, TargetsEvents.PLAN_REGISTERED, new TargetsEvents.PlanRegistered(plan, "五百零一个县的方案",
                "A plan of 501 counties", null, null, null, null, null, 2011, 2011, units.get(0), units.get(0), null,
                List.of(new TargetsEvents.Industry("bio", "生物", "Biotech")),
                new TargetsEvents.Reporting("QUARTERLY", 1, 10, "Asia/Shanghai", units.get(0)), counts)));
        for (String unit : units) {
            events.add(targets(plan, TargetsEvents.UNIT_REGISTERED,
                    new TargetsEvents.UnitRegistered(unit, unit, unit, "DISTRICT", null)));
        }
        events.add(targets(plan, TargetsEvents.INDICATOR_DEFINED, new TargetsEvents.IndicatorDefined(plan, "scale", "产业规模",
                "Industry scale", "bio", "亿元", null, null, null, null)));
        for (String unit : units) {
            events.add(targets(plan, TargetsEvents.TARGET_SET, new TargetsEvents.TargetChanged(plan, unit, "scale", 2011,
                    "AT_LEAST", hundred, null, "亿元", 0, new TargetsEvents.Value("AT_LEAST", hundred, null), null, null,
                    "TABLE", null, null, null)));
        }
        events.add(targets(plan, TargetsEvents.PLAN_IMPORT_COMPLETED,
                new TargetsEvents.PlanImportCompleted(plan, "sha256-" + plan, counts)));
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

    private static ObjectNode targets(String plan, String type, Record payload) {
        return EventFixtures.envelope("targets-service", plan, type, EventFixtures.JSON.valueToTree(payload));
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
