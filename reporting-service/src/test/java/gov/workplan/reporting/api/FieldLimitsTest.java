package gov.workplan.reporting.api;

import static gov.workplan.reporting.Reporting.accepted;
import static gov.workplan.reporting.Reporting.futian;
import static gov.workplan.reporting.Reporting.office;
import static gov.workplan.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.reporting.Reporting;
import gov.workplan.reporting.TargetsFixture;
import gov.workplan.reporting.domain.Limits;
import gov.workplan.reporting.domain.ReportContent;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every declared limit is one the database stores: each field at its limit is taken and kept, one past
 * it is a 400 naming the field — never the 500 of a value that does not fit its column. (The bad-input
 * sweep probes every declared limit of every endpoint; these are the ones that once gave 500s, with a
 * request that is otherwise valid, so "taken" is proven rather than merely "not a 5xx".)
 */
@QuarkusTest
class FieldLimitsTest {

    @Test
    void givenACorrectionReason_whenAtItsLimitOrOnePast_thenItIsKeptOrRefusedNamingIt() {
        String plan = TargetsFixture.publishPlan();
        String id = accepted("futian", plan, "2011-Q2", futian(9));
        String atLimit = "核".repeat(Limits.REASON);
        assertProblem(office().body(Map.of("content", Map.of("indicators", java.util.List.of(Map.of("indicator",
                "scale.bio", "value", 10))), "reason", atLimit + "核")).when()
                .post("/api/v1/reports/" + id + "/corrections").then(), 400, "reason");
        assertProblem(Reporting.reporter("futian").body(Map.of("content", Map.of(), "reason", atLimit + "核")).when()
                .post("/api/v1/reports/" + id + "/corrections").then(), 400, "reason");
        office().body("{\"content\": " + futian(10) + ", \"reason\": \"" + atLimit + "\"}").when()
                .post("/api/v1/reports/" + id + "/corrections").then().statusCode(201);
        office().when().get("/api/v1/reports/" + id + "/versions").then().statusCode(200)
                .body("[-1].reason", equalTo(atLimit));
    }

    @Test
    void givenAnOfficersEmail_whenAtItsLimitOrOnePast_thenItIsKeptOrRefusedNamingIt() {
        TargetsFixture.publishPlan();
        // 99 + 1 + 93 + 7 = 200 characters, a shape mail systems take (local part ≤ 100, labels ≤ 100).
        String atLimit = "a".repeat(99) + "@" + "b".repeat(93) + ".gov.cn";
        assertProblem(office().body(Map.of("name", "王明", "phone", "0755-88888888", "email", "a" + atLimit)).when()
                .post("/api/v1/units/futian/officers").then(), 400, "email");
        assertProblem(office().body(Map.of("name", "王".repeat(Limits.OFFICER_NAME + 1), "phone", "0755-88888888",
                "email", "w@futian.gov.cn")).when().post("/api/v1/units/futian/officers").then(), 400, "name");
        office().body(Map.of("name", "王".repeat(Limits.OFFICER_NAME), "phone", "0755-88888888", "email", atLimit)).when()
                .post("/api/v1/units/futian/officers").then().statusCode(201).body("email", equalTo(atLimit));
    }

    @Test
    void givenANoteOrExplanationPastItsLimit_whenInADraft_thenTheFieldIsNamedWhereItWasSent() {
        String plan = TargetsFixture.publishPlan();
        String content = "{\"indicators\": [{\"indicator\": \"scale.bio\", \"value\": 5, \"explanation\": \""
                + "说".repeat(ReportContent.MAX_EXPLANATION + 1) + "\"}]}";
        assertProblem(Reporting.create("futian", plan, "2011-Q2", content), 400, "content.indicators[0].explanation");
    }

    @Test
    void givenATokenWhoseSubjectIsLongerThanAnyServiceStores_whenItWrites_thenItIsRefusedNamingTheSubject() {
        String plan = TargetsFixture.publishPlan();
        String longSubject = TestTokens.identity("s".repeat(201), "office");
        assertProblem(Reporting.as(longSubject).body(Map.of("plan", plan, "period", "2011-Q2", "unit", "futian")).when()
                .post("/api/v1/reports").then(), 401, "token.sub");
        Reporting.as(TestTokens.identity("s".repeat(200), "office")).body(Map.of("plan", plan, "period", "2011-Q2",
                "unit", "futian")).when().post("/api/v1/reports").then().statusCode(201)
                .body("createdBy", equalTo("s".repeat(200)));
    }
}
