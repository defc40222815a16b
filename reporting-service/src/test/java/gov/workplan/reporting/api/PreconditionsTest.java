package gov.workplan.reporting.api;

import static gov.workplan.reporting.Reporting.draft;
import static gov.workplan.reporting.Reporting.futian;
import static gov.workplan.reporting.Reporting.office;
import static gov.workplan.reporting.Reporting.reporter;
import static gov.workplan.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import gov.workplan.reporting.Reporting;
import gov.workplan.reporting.TargetsFixture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Concurrent edits are detected: a report's ETag is its version, and the writes honour If-Match (412 on a
 * stale one), so an office clerk cannot accept a resubmission they never saw. An Idempotency-Key is the
 * caller's own and the action's: a replay answers what the first request answered; the same caller's key
 * with another report is a 422.
 */
@QuarkusTest
class PreconditionsTest {

    @Test
    void givenAClerkWhoReadVersion1_whenTheReportWasReturnedAndResubmittedMeanwhile_thenTheirAcceptIsRefusedWith412() {
        String plan = TargetsFixture.publishPlan();
        String id = draft("futian", plan, "2011-Q2", futian(8));
        reporter("futian").when().get("/api/v1/reports/" + id).then().statusCode(200).header("ETag", "\"0\"");
        Reporting.submit("futian", id).statusCode(200).header("ETag", "\"1\"");
        String seenByClerkA = office().when().get("/api/v1/reports/" + id).then().extract().header("ETag");

        // Clerk B returns it; the unit edits and resubmits other figures.
        office().header("If-Match", seenByClerkA).body("{\"reason\": \"请核实\"}").when()
                .post("/api/v1/reports/" + id + "/return").then().statusCode(200).header("ETag", "\"2\"");
        reporter("futian").header("If-Match", "\"2\"").body("{\"content\": " + futian(30) + "}").when()
                .put("/api/v1/reports/" + id).then().statusCode(200).header("ETag", "\"3\"");
        Reporting.submit("futian", id).statusCode(200);

        assertProblem(office().header("If-Match", seenByClerkA).when().post("/api/v1/reports/" + id + "/accept").then(),
                412, "If-Match");
        assertProblem(reporter("futian").header("If-Match", "\"2\"").body("{\"content\": " + futian(31) + "}").when()
                .put("/api/v1/reports/" + id).then(), 412, "If-Match");
        assertProblem(office().header("If-Match", "version four").when().post("/api/v1/reports/" + id + "/accept").then(),
                400, "If-Match");
        office().header("If-Match", "\"4\"").when().post("/api/v1/reports/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("content.indicators[0].value", equalTo(30));
    }

    @Test
    void givenAnIdempotencyKey_whenReplayedReusedForAnotherReportOrSentByAnotherCaller_thenEachIsAnsweredByItsScope() {
        String plan = TargetsFixture.publishPlan();
        String q2 = draft("futian", plan, "2011-Q2", futian(8));
        String q3 = draft("futian", plan, "2011-Q3", futian(12));
        String nanshan = draft("nanshan", plan, "2011-Q2", Reporting.NANSHAN_2011);

        reporter("futian").header("Idempotency-Key", "k-1").when().post("/api/v1/reports/" + q2 + "/submit").then()
                .statusCode(200).header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue());
        Reporting.accept(q2).statusCode(200);
        // The replay answers what the first submit answered — SUBMITTED at version 1 — not today's state.
        reporter("futian").header("Idempotency-Key", "k-1").when().post("/api/v1/reports/" + q2 + "/submit").then()
                .statusCode(200).header("Idempotency-Replayed", "true").body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(1));
        assertProblem(reporter("futian").header("Idempotency-Key", "k-1").when()
                .post("/api/v1/reports/" + q3 + "/submit").then(), 422, "Idempotency-Key");
        reporter("futian").when().get("/api/v1/reports/" + q3).then().body("status", equalTo("DRAFT"));
        // Another caller's k-1 is another key.
        reporter("nanshan").header("Idempotency-Key", "k-1").when().post("/api/v1/reports/" + nanshan + "/submit")
                .then().statusCode(200).header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue());
    }
}
