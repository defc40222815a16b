package gov.workplan.reporting.api;

import static gov.workplan.reporting.Reporting.futian;
import static gov.workplan.reporting.Reporting.office;
import static gov.workplan.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import gov.workplan.reporting.TargetsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Migrating past reports: kept with their original submission time, judged on time or late by it. */
@QuarkusTest
class ReportImportTest {

    private static ValidatableResponse importReports(String plan, String reports) {
        return office().body("{\"plan\": \"" + plan + "\", \"reports\": [" + reports + "]}").when()
                .post("/api/v1/reports/imports").then();
    }

    private static String past(String period, String unit, String submittedAt, String content) {
        return "{\"period\": \"" + period + "\", \"unit\": \"" + unit + "\", \"submittedAt\": \"" + submittedAt
                + "\", \"content\": " + content + "}";
    }

    @Test
    void givenPastReports_whenImported_thenTheyAreAcceptedImportedAndJudgedByTheirOriginalTime() {
        String plan = TargetsFixture.publishPlan();
        importReports(plan, past("2011-Q1", "futian", "2011-04-08T03:00:00Z", futian(4)) + ","
                + past("2011-Q1", "nanshan", "2011-04-12T01:00:00Z", gov.workplan.reporting.Reporting.NANSHAN_2011))
                .statusCode(201)
                .body("unit", contains("futian", "nanshan"))
                .body("status", contains("ACCEPTED", "ACCEPTED"))
                .body("imported", contains(true, true))
                .body("timeliness", contains("ON_TIME", "LATE"))
                .body("[1].lateBySeconds", equalTo(33 * 3600));

        office().queryParam("plan", plan).queryParam("period", "2011-Q1").when().get("/api/v1/compliance").then()
                .body("units.find { it.unit == 'nanshan' }.status", equalTo("LATE"))
                .body("units.find { it.unit == 'nanshan' }.imported", equalTo(true));
    }

    @Test
    void givenInvalidPastReports_whenImported_thenEveryErrorIsNamedAndNothingIsWritten() {
        String plan = TargetsFixture.publishPlan();
        assertProblem(importReports(plan,
                past("2011-Q1", "futian", "2011-04-08T03:00:00Z", futian(4)) + ","
                        + past("2011-Q9", "futian", "2011-04-08T03:00:00Z", futian(4)) + ","
                        + past("2011-Q2", "atlantis", "2011-07-08T03:00:00Z", futian(4)) + ","
                        + past("2011-Q3", "futian", "2099-01-01T00:00:00Z", futian(4)) + ","
                        + past("2011-Q1", "futian", "2011-04-08T03:00:00Z", futian(4)) + ","
                        + past("2011-Q4", "futian", "2012-01-05T03:00:00Z", "{\"indicators\": []}")),
                400, "reports[1].period", "reports[2].unit", "reports[3].submittedAt", "reports[4].unit",
                "reports[5].content.indicators", "reports[5].content.tasks");
        office().queryParam("plan", plan).when().get("/api/v1/reports").then().body("$", hasSize(0));
        assertProblem(importReports("no-such-plan", past("2011-Q1", "futian", "2011-04-08T03:00:00Z", futian(4))), 404,
                "plan");
        assertProblem(office().body("{\"plan\": \"" + plan + "\"}").when().post("/api/v1/reports/imports").then(), 400,
                "reports");
    }
}
