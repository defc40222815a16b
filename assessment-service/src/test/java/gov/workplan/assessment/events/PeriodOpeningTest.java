package gov.workplan.assessment.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.AssessmentFixture.Row;
import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A period is computed whole when its reporting window opens (period.opened), not on the path of its first report:
 * every unit stands in its ranking before anyone reports, the first report rescores only its own unit, an opening
 * that comes again or late changes nothing, and a rebuild from the store gives the same numbers.
 */
@QuarkusTest
class PeriodOpeningTest {

    private static final Row FUTIAN = AssessmentFixture.Q2.get(0);
    private static final Row LUOHU = AssessmentFixture.Q2.get(1);

    @Inject
    EntityManager em;

    private static ObjectNode opened(String plan, String period, String dueDate, String deadline) {
        ObjectNode p = EventFixtures.JSON.createObjectNode().put("plan", plan).put("period", period)
                .put("year", Integer.parseInt(period.substring(0, 4))).put("quarter", Integer.parseInt(period.substring(6)))
                .put("dueDate", dueDate).put("deadline", deadline).put("openedAt", "2011-06-30T16:00:05Z");
        return EventFixtures.envelope("reporting-service", plan, "period.opened", p);
    }

    private static ObjectNode q2Opened(String plan) {
        return opened(plan, "2011-Q2", "2011-07-10", "2011-07-10T16:00:00Z");
    }

    private static ObjectNode submitted(String plan, Row row) {
        return AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED", row);
    }

    /** Every assessed unit of the period (all categories) → when its assessment was last computed. */
    private Map<String, String> computedAt(String plan, String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> at = new TreeMap<>();
            for (Object row : em.createNativeQuery("select unit_code, cast(computed_at as text) from unit_assessment "
                    + "where plan_code = ?1 and period_code = ?2").setParameter(1, plan).setParameter(2, period).getResultList()) {
                Object[] r = (Object[]) row;
                at.put((String) r[0], (String) r[1]);
            }
            return at;
        });
    }

    private long count(String sql, String plan) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, plan)
                .getSingleResult()).longValue());
    }

    private static JsonPath districts(String plan) {
        return given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                .queryParam("category", "DISTRICT").when().get("/api/v1/rankings").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void givenAPlan_whenAPeriodOpens_thenEveryUnitIsRankedBeforeAnyReport_andTheFirstReportRescoresOnlyItsUnit() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode opening = q2Opened(plan);
        AssessmentFixture.publishReports(plan, List.of(opening));

        JsonPath before = AssessmentFixture.awaitRanking(plan, r -> r.getList("[0].entries").size() == 8);
        assertEquals(1, new java.util.HashSet<>(before.getList("[0].entries.score", Float.class)).size(),
                "nobody has reported: every district stands alike " + before.getList("[0].entries.score"));
        Map<String, String> opened = computedAt(plan, "2011-Q2");
        long units = count("select count(distinct u.code) from unit u where u.code in (select unit_code from target "
                + "where plan_code = ?1 union select unit_code from task_responsibility where plan_code = ?1)", plan);
        assertEquals(units, opened.size(), "every unit of the plan, every category");

        AssessmentFixture.publishReports(plan, List.of(submitted(plan, FUTIAN)));
        AssessmentFixture.awaitRanking(plan, r -> "futian".equals(r.getString("[0].entries[0].unit")));
        Map<String, String> afterFirst = computedAt(plan, "2011-Q2");
        for (String unit : opened.keySet()) {
            if (unit.equals("futian")) {
                assertNotEquals(opened.get(unit), afterFirst.get(unit), "the reporter is rescored");
            } else {
                assertEquals(opened.get(unit), afterFirst.get(unit), unit + " is not recomputed by futian's report");
            }
        }

        // The same opening redelivered, and another one for the period (as from a restored outbox): nothing moves.
        AssessmentFixture.publishReports(plan, List.of(opening, q2Opened(plan), submitted(plan, LUOHU)));
        AssessmentFixture.awaitRanking(plan, r -> r.getList("[0].entries.unit", String.class).subList(0, 2)
                .containsAll(List.of("futian", "luohu")));
        Map<String, String> afterAgain = computedAt(plan, "2011-Q2");
        for (String unit : opened.keySet()) {
            if (!unit.equals("luohu")) {
                assertEquals(afterFirst.get(unit), afterAgain.get(unit), unit + " is not recomputed by a second opening");
            }
        }

        List<Float> incremental = districts(plan).getList("[0].entries.score", Float.class);
        given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).when().post("/api/v1/assessments/rebuild")
                .then().statusCode(200);
        assertEquals(incremental, districts(plan).getList("[0].entries.score", Float.class),
                "the opened period is one of the plan's active periods: a rebuild gives the same numbers");
        assertEquals(8, districts(plan).getList("[0].entries").size());
    }

    @Test
    void givenAReportAheadOfItsWindow_whenThePeriodOpensAfter_thenNothingIsRecomputed() {
        String plan = AssessmentFixture.publishPlan();
        AssessmentFixture.publishReports(plan, List.of(submitted(plan, FUTIAN)));
        AssessmentFixture.awaitRanking(plan, r -> r.getList("[0].entries").size() == 8
                && "futian".equals(r.getString("[0].entries[0].unit")));
        Map<String, String> first = computedAt(plan, "2011-Q2");

        AssessmentFixture.publishReports(plan, List.of(q2Opened(plan), submitted(plan, LUOHU)));
        AssessmentFixture.awaitRanking(plan, r -> "luohu".equals(r.getString("[0].entries[1].unit")));
        Map<String, String> after = computedAt(plan, "2011-Q2");
        first.keySet().stream().filter(u -> !u.equals("luohu"))
                .forEach(u -> assertEquals(first.get(u), after.get(u), u + " is not recomputed by the late opening"));
    }

    @Test
    void givenTheFourthQuarterOpens_thenTheYearsAnnualAssessmentIsLiveForEveryUnitBeforeItsFirstReport() {
        String plan = AssessmentFixture.publishPlan();
        AssessmentFixture.publishReports(plan, List.of(opened(plan, "2011-Q4", "2012-01-10", "2012-01-10T16:00:00Z")));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long quarterly = 0;
        long annual = 0;
        while (System.nanoTime() < deadline && (quarterly == 0 || annual < quarterly)) {
            quarterly = count("select count(*) from unit_assessment where plan_code = ?1 and period_code = '2011-Q4'", plan);
            annual = count("select count(*) from annual_assessment where plan_code = ?1 and year = 2011", plan);
            sleep();
        }
        assertTrue(quarterly > 0, "2011-Q4 is assessed when it opens");
        assertEquals(quarterly, annual, "and every unit's 2011 annual assessment with it");
    }

    @Test
    void givenAnOpeningOutsideTheContract_whenConsumed_thenItAloneIsParked_andNoPeriodIsOpened() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode noQuarter = opened(plan, "2011-Q2", "2011-07-10", "2011-07-10T16:00:00Z");
        ((ObjectNode) noQuarter.path("payload")).put("period", "2011-Q5").put("quarter", 5);
        ObjectNode noDeadline = opened(plan, "2011-Q3", "2011-10-10", "2011-10-10T16:00:00Z");
        ((ObjectNode) noDeadline.path("payload")).remove("deadline");
        ObjectNode longPlan = opened(plan, "2011-Q2", "2011-07-10", "2011-07-10T16:00:00Z");
        ((ObjectNode) longPlan.path("payload")).put("plan", "p".repeat(65));
        ObjectNode hugeYear = opened(plan, "2011-Q2", "2011-07-10", "2011-07-10T16:00:00Z");
        ((ObjectNode) hugeYear.path("payload")).put("year", Integer.MAX_VALUE);
        // At every limit: a plan code of 64, the contract's last year — recorded (its plan is not known here: nothing
        // is computed, and a plan of that code would find its period open).
        String longest = "p".repeat(64);
        ObjectNode atLimits = opened(longest, "2200-Q4", "2201-01-10", "2201-01-10T16:00:00Z");
        try (EventProbe dlq = EventProbe.fromNowOn("workplan.reporting.assessment-dlq")) {
            AssessmentFixture.publishReports(plan, List.of(noQuarter, noDeadline, longPlan, hugeYear, submitted(plan, FUTIAN)));
            AssessmentFixture.publishReports(longest, List.of(atLimits));
            List<String> poison = List.of(noQuarter.path("id").asText(), noDeadline.path("id").asText(),
                    longPlan.path("id").asText(), hugeYear.path("id").asText());
            List<JsonNode> parked = dlq.awaitUntil(e -> e.path("id").asText().equals(poison.get(3)), Duration.ofSeconds(60));
            assertEquals(poison, parked.stream().map(e -> e.path("id").asText()).filter(poison::contains).toList(),
                    "each parked, once, in order");
        }
        AssessmentFixture.awaitRanking(plan, r -> "futian".equals(r.getString("[0].entries[0].unit")));
        assertEquals(0, count("select count(*) from period_deadline where plan_code = ?1 and opened_at is not null", plan),
                "no period was opened by them");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("select count(*) from period_deadline where plan_code = ?1 and period_code = '2200-Q4' "
                + "and opened_at is not null", longest) == 0 && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals(1, count("select count(*) from period_deadline where plan_code = ?1 and period_code = '2200-Q4' "
                + "and opened_at is not null", longest), "the opening at every limit is stored whole");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
