package gov.workplan.targets.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import gov.workplan.targets.SeedDocument;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Amending a target (调整目标): office only, with a reason, every earlier value kept. */
@QuarkusTest
class TargetAmendmentTest {

    private static String target(String plan, String unit, String indicator, int year) {
        return "/api/v1/plans/" + plan + "/targets/" + unit + "/" + indicator + "/" + year;
    }

    private static ValidatableResponse amend(String path, String body) {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json").body(body)
                .when().post(path + "/amendments").then();
    }

    @Test
    void givenASeedTarget_whenTheOfficeAmendsIt_thenTheNewValueStandsAndTheBaselineAndHistoryAreKept() {
        String plan = SeedDocument.importCopy();
        String futian = target(plan, "futian", "scale.bio", 2012);

        amend(futian, "{\"value\": 32, \"reason\": \"区政府申请调整\", \"expectedRevision\": 0}")
                .statusCode(201)
                .header("Location", endsWith(futian))
                .body("value", equalTo(32))
                .body("revision", equalTo(1))
                .body("amended", equalTo(true))
                .body("baseline.value", equalTo(30))
                .body("kind", equalTo("AT_LEAST"));
        amend(futian, "{\"value\": 31.5, \"reason\": \"统计口径复核\"}").statusCode(201).body("revision", equalTo(2));

        given().auth().oauth2(TestTokens.reporter("futian")).when().get(futian + "/revisions").then()
                .statusCode(200)
                .body("revision", contains(0, 1, 2))
                .body("value", contains(30, 32, 31.5f))
                .body("reason", contains("baseline from the plan document", "区政府申请调整", "统计口径复核"))
                .body("[1].changedBy", equalTo("office-test"))
                .body("[1].changedAt", notNullValue());
        given().auth().oauth2(TestTokens.leader()).when().get(futian).then()
                .statusCode(200).body("value", equalTo(31.5f)).body("baseline.value", equalTo(30));
    }

    @Test
    void givenAConsistentPlan_whenADistrictTargetIsAmended_thenTheDecompositionCheckListsTheDiscrepancy() {
        String plan = SeedDocument.importCopy();
        String check = "/api/v1/plans/" + plan + "/decomposition";
        given().auth().oauth2(TestTokens.service()).when().get(check).then()
                .statusCode(200).body("consistent", equalTo(true)).body("discrepancies", equalTo(0));

        amend(target(plan, "nanshan", "scale.bio", 2012), "{\"value\": 470, \"reason\": \"南山区上调\"}").statusCode(201);

        given().auth().oauth2(TestTokens.service()).queryParam("year", 2012).when().get(check).then()
                .statusCode(200)
                .body("consistent", equalTo(false))
                .body("discrepancies", equalTo(1))
                .body("decompositions.findAll { !it.consistent }", hasSize(1))
                .body("decompositions.find { !it.consistent }.indicator", equalTo("scale.bio"))
                .body("decompositions.find { !it.consistent }.parentValue", equalTo(900))
                .body("decompositions.find { !it.consistent }.sum", equalTo(910))
                .body("decompositions.find { !it.consistent }.difference", equalTo(10));
    }

    @Test
    void givenAStaleRevision_whenAmending_thenTheAnswerIs409AndTheTargetIsUnchanged() {
        String plan = SeedDocument.importCopy();
        String luohu = target(plan, "luohu", "scale.internet", 2011);
        amend(luohu, "{\"value\": 60, \"reason\": \"first\", \"expectedRevision\": 0}").statusCode(201);
        assertProblem(amend(luohu, "{\"value\": 70, \"reason\": \"second, from a stale read\", \"expectedRevision\": 0}"),
                409, "expectedRevision");
        given().auth().oauth2(TestTokens.office()).when().get(luohu).then().body("value", equalTo(60)).body("revision", equalTo(1));
    }

    @Test
    void givenTheValueATargetAlreadyHas_whenAmending_thenTheAnswerIs409AndNoRevisionIsAdded() {
        String plan = SeedDocument.importCopy();
        String futian = target(plan, "futian", "scale.bio", 2011);
        int current = given().auth().oauth2(TestTokens.office()).when().get(futian).then().extract().path("value");
        assertProblem(amend(futian, "{\"value\": " + current + ", \"reason\": \"no change\"}"), 409, "value");
        given().auth().oauth2(TestTokens.office()).when().get(futian + "/revisions").then().body("$", hasSize(1));
    }

    @Test
    void givenInvalidAmendments_whenSent_thenEveryBadFieldIsNamedAndNothingChanges() {
        String plan = SeedDocument.importCopy();
        String futian = target(plan, "futian", "scale.bio", 2012);
        assertProblem(amend(futian, "{\"value\": -5, \"reason\": \" \", \"expectedRevision\": -1}"), 400,
                "value", "reason", "expectedRevision");
        assertProblem(amend(futian, "{\"kind\": \"RANGE\", \"value\": 40, \"reason\": \"range without bounds\"}"), 400,
                "maxValue");
        assertProblem(amend(futian, "{\"kind\": \"SOMETIMES\", \"value\": 40, \"reason\": \"x\"}"), 400, "kind");
        assertProblem(amend(futian, "{\"value\": \"forty\", \"reason\": \"x\"}"), 400, "value");
        assertProblem(amend(futian, "{\"value\": 40, \"reason\": \"x\", \"note\": \"unknown\"}"), 400, "note");
        assertProblem(amend(futian, "{\"reason\": \"no value\"}"), 400, "value");
        assertProblem(amend(futian, ""), 400, "body");
        given().auth().oauth2(TestTokens.office()).when().get(futian).then().body("value", equalTo(30)).body("revision", equalTo(0));
    }

    @Test
    void givenUnknownPlanUnitIndicatorOrYear_whenATargetIsAmendedOrRead_thenTheAnswerNamesWhatIsMissing() {
        String body = "{\"value\": 1, \"reason\": \"x\"}";
        String plan = SeedDocument.PLAN;
        assertProblem(amend(target("no-such-plan", "futian", "scale.bio", 2012), body), 404, "plan");
        assertProblem(amend(target(plan, "atlantis", "scale.bio", 2012), body), 404, "unit");
        assertProblem(amend(target(plan, "futian", "scale.moon", 2012), body), 404, "indicator");
        assertProblem(amend(target(plan, "futian", "scale.bio", 2030), body), 400, "year");
        assertProblem(amend(target(plan, "futian", "scale.bio", 2010), body), 404, "year");
        assertProblem(given().auth().oauth2(TestTokens.service()).when()
                .get("/api/v1/plans/" + plan + "/targets/futian/scale.bio/twenty").then(), 400, "year");
    }

    @Test
    void givenTwoOfficersAmendingTheSameRevisionAtOnce_whenBothArrive_thenExactlyOneWinsAndTheOtherGets409() throws Exception {
        String plan = SeedDocument.importCopy();
        String yantian = target(plan, "yantian", "scale.new-energy", 2012);
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int officer = 0; officer < 2; officer++) {
                    String body = "{\"value\": " + (100 + round * 10 + officer) + ", \"reason\": \"round " + round
                            + "\", \"expectedRevision\": " + round + "}";
                    Callable<Integer> call = () -> {
                        start.await();
                        return amend(yantian, body).extract().statusCode();
                    };
                    answers.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    codes.add(answer.get());
                }
                codes.sort(null);
                assertEquals(List.of(201, 409), codes, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.office()).when().get(yantian + "/revisions").then()
                .body("revision", contains(0, 1, 2, 3, 4));
    }
}
