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
        return office().body("{\"plan\": \"" + plan + "\", \"reason\": \"系统上线前的纸质报送\", "
                + "\"source\": \"深科信档〔2011〕12号\", \"reports\": [" + reports + "]}").when()
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
        String futian = office().queryParam("plan", plan).queryParam("unit", "futian").when().get("/api/v1/reports")
                .then().extract().path("[0].id");
        office().when().get("/api/v1/reports/" + futian + "/versions").then()
                .body("[0].action", equalTo("IMPORT"))
                .body("[0].reason", org.hamcrest.Matchers.endsWith("系统上线前的纸质报送"))
                .body("[0].sourceReference", equalTo("深科信档〔2011〕12号"));
    }

    /**
     * The plan was loaded here on 1 July 2011: 2011-Q1 (closed 10 April) is history and may be imported;
     * 2011-Q2 (closing 10 July) this system watched — its reminders, overdue notices and compliance — so an
     * import, which could turn a MISSING into an ON_TIME with any submittedAt, is refused.
     */
    @Test
    void givenAPlanLoadedMidYear_whenPastReportsAreImported_thenOnlyPeriodsClosedBeforeItAreTaken() {
        String plan = TargetsFixture.publishPlan(java.time.Instant.parse("2011-07-01T00:00:00Z"));
        assertProblem(importReports(plan, past("2011-Q1", "futian", "2011-04-08T03:00:00Z", futian(4)) + ","
                + past("2011-Q2", "nanshan", "2011-07-08T03:00:00Z", gov.workplan.reporting.Reporting.NANSHAN_2011)),
                409, "reports[1].period");
        office().queryParam("plan", plan).when().get("/api/v1/reports").then().body("$", hasSize(0));
        importReports(plan, past("2011-Q1", "futian", "2011-04-08T03:00:00Z", futian(4))).statusCode(201);
        assertProblem(office().body("{\"plan\": \"" + plan + "\", \"reports\": [" + past("2010-Q4", "futian",
                "2011-01-08T03:00:00Z", "{\"tasks\": [{\"task\": \"2.1\", \"progress\": \"DONE\"}, {\"task\": "
                        + "\"3.1.1\", \"progress\": \"DONE\"}]}") + "]}").when().post("/api/v1/reports/imports").then(),
                400, "reason", "source");
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
