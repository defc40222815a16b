package gov.workplan.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.workplan.testkit.TestTokens;
import io.quarkus.arc.Arc;

/**
 * A plan whose 2011 annual assessment is live — the ranked fixture plan and futian's 2011-Q4 report — and the
 * steps of its annual cycle, for tests that need a result at a given stage.
 */
public final class AnnualPlan {

    private AnnualPlan() {
    }

    public static String create() {
        String plan = RankedPlan.create();
        AssessmentFixture.publishReports(plan, List.of(AssessmentFixture.report(plan, "2011-Q4", "report.accepted",
                UUID.randomUUID(), 2, "ACCEPTED", new AssessmentFixture.Row("futian", 90, true, false))));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.office())
                .queryParam("plan", plan).queryParam("year", 2011).when().get("/api/v1/units/futian/annual-assessment")
                .then().extract().statusCode() == 200);
        return plan;
    }

    public static String frozen(String plan) {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .body(Map.of("plan", plan, "year", 2011, "reason", "测试：重新冻结")).when().post("/api/v1/annual-results")
                .then().statusCode(201).extract().path("id");
    }

    public static String approved(String plan) {
        String id = frozen(plan);
        given().auth().oauth2(TestTokens.leader()).when().post("/api/v1/annual-results/" + id + "/approve").then()
                .statusCode(200);
        return id;
    }

    /** A fresh plan's result notified to the units: its objection window open. */
    public static String notified() {
        String id = approved(create());
        given().auth().oauth2(TestTokens.office()).when().post("/api/v1/annual-results/" + id + "/notify").then()
                .statusCode(200);
        return id;
    }

    /** An objection of futian's to its biotech line, on a fresh notified result. */
    public static String objection() {
        return given().auth().oauth2(TestTokens.reporter("futian")).contentType("application/json")
                .body(Map.of("unit", "futian", "line", "indicator:scale.bio", "reason", "测试：申诉"))
                .when().post("/api/v1/annual-results/" + notified() + "/objections").then().statusCode(201).extract()
                .path("id");
    }

    /** A fresh notified result whose objection window the service's clock has passed. */
    public static String publishable() {
        String id = notified();
        String closes = given().auth().oauth2(TestTokens.office()).when().get("/api/v1/annual-results/" + id).then()
                .statusCode(200).extract().path("objectionsCloseAt");
        Arc.container().instance(MutableClock.class).get().set(Instant.parse(closes).plusSeconds(1));
        return id;
    }
}
