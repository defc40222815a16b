package gov.workplan.assessment.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.RankedPlan;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The rules of a result's life that an auditor relies on. Separation of duties (on by default): one
 * identity holding office and leader roles together — a small office's director, say — cannot carry a
 * result from freezing to the public alone; each refusal is a 403 that says why, and is audited. And a
 * period is frozen only after its deadline.
 */
@QuarkusTest
class ResultRulesTest {

    private static final String DIRECTOR = TestTokens.identity("director-li", "office", "leader");

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    @Test
    void givenAPeriodWhoseDeadlineIsAhead_whenTheOfficeFreezesIt_thenItIsRefusedWhileUnitsCanStillReport() {
        String plan = AssessmentFixture.publishPlan();
        ObjectNode early = AssessmentFixture.report(plan, "2011-Q3", "report.accepted", UUID.randomUUID(), 2, "ACCEPTED",
                new AssessmentFixture.Row("futian", 80, true, false));
        ((ObjectNode) early.path("payload")).put("deadline", "2999-10-10T16:00:00Z");
        AssessmentFixture.publishReports(plan, List.of(early));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.office())
                .queryParam("plan", plan).queryParam("period", "2011-Q3").when().get("/api/v1/rankings").then()
                .extract().jsonPath().getList("entries.flatten().unit").contains("futian"));
        assertProblem(as(TestTokens.office()).body("{\"plan\": \"" + plan + "\", \"period\": \"2011-Q3\", "
                + "\"overrideReason\": \"提前冻结\"}").when().post("/api/v1/results").then(), 409, "period")
                .body("detail", containsString("2999-10-10T16:00:00Z"));
    }

    @Test
    void givenAnImportedReport_whenBriefedFrozenAndPublished_thenItIsMarkedAsImportedInEach() {
        String plan = RankedPlan.create();
        // luohu's 2011-Q1 report, made before the system and imported (a report of its own: Q1 had none).
        ObjectNode imported = AssessmentFixture.report(plan, "2011-Q1", "report.imported", UUID.randomUUID(), 0,
                "ACCEPTED", new AssessmentFixture.Row("luohu", 25, false, false));
        ((ObjectNode) imported.path("payload")).put("imported", true);
        AssessmentFixture.publishReports(plan, List.of(imported));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.office())
                .queryParam("plan", plan).queryParam("period", "2011-Q1").when().get("/api/v1/briefings").then()
                .body(containsString("(历史导入): luohu")));
        String result = as(TestTokens.office()).body("{\"plan\": \"" + plan + "\", \"period\": \"2011-Q1\"}")
                .when().post("/api/v1/results").then().statusCode(201)
                .body("snapshot.importedUnits", org.hamcrest.Matchers.contains("luohu")).extract().path("id");
        as(TestTokens.leader()).when().post("/api/v1/results/" + result + "/approve").then().statusCode(200);
        as(TestTokens.office()).when().post("/api/v1/results/" + result + "/publish").then().statusCode(200);
        given().queryParam("plan", plan).when().get("/public/results").then().statusCode(200)
                .body(containsString("<tr data-unit=\"luohu\">"))
                .body(containsString("data-imported=\"true\">（历史导入）"));
    }

    @Test
    void givenOneIdentityWithBothRoles_whenItFreezesApprovesAndPublishes_thenItMayNotApproveWhatItFroze_norPublishWhatItApproved() {
        String plan = RankedPlan.create();
        String frozenByDirector = as(DIRECTOR).body("{\"plan\": \"" + plan + "\", \"period\": \"2011-Q2\", \"overrideReason\": \"测试：季度报送尚在审核\"}").when()
                .post("/api/v1/results").then().statusCode(201).body("frozenBy", equalTo("director-li")).extract().path("id");
        assertProblem(as(DIRECTOR).when().post("/api/v1/results/" + frozenByDirector + "/approve").then(), 403)
                .body("detail", containsString("separation of duties"));
        // Another leader approves; then the director, who did not approve, may publish.
        as(TestTokens.leader()).when().post("/api/v1/results/" + frozenByDirector + "/approve").then().statusCode(200);
        as(DIRECTOR).when().post("/api/v1/results/" + frozenByDirector + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        // Frozen by the office, approved by the director: the director may not publish it too.
        String frozenByOffice = as(TestTokens.office()).body("{\"plan\": \"" + plan + "\", \"period\": \"2011-Q2\", \"overrideReason\": \"测试：季度报送尚在审核\"}")
                .when().post("/api/v1/results").then().statusCode(201).extract().path("id");
        as(DIRECTOR).when().post("/api/v1/results/" + frozenByOffice + "/approve").then().statusCode(200);
        assertProblem(as(DIRECTOR).when().post("/api/v1/results/" + frozenByOffice + "/publish").then(), 403)
                .body("detail", containsString("separation of duties"));
        as(TestTokens.office()).when().post("/api/v1/results/" + frozenByOffice + "/publish").then().statusCode(200);

        // Both refusals are audited as denied, with who tried (the trail is written in the background).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(TestTokens.office())
                .queryParam("actor", "director-li").queryParam("outcome", "DENIED").when()
                .get("/api/v1/audit").then().statusCode(200)
                .body("action", hasItem("POST /api/v1/results/" + frozenByDirector + "/approve"))
                .body("action", hasItem("POST /api/v1/results/" + frozenByOffice + "/publish")));
    }
}
