package gov.workplan.assessment.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.AssessmentFixture.Row;
import gov.workplan.assessment.RankedPlan;
import gov.workplan.common.excel.Xlsx;
import gov.workplan.testkit.TestTokens;
import gov.workplan.testkit.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Schemes as versioned data, the briefing, and the provisional ranking stream. */
@QuarkusTest
class SchemeBriefingStreamTest {

    private static ValidatableResponse defineScheme(String body) {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json").body(body).when()
                .post("/api/v1/schemes").then();
    }

    private static String scheme(String plan, String effectiveFrom, String weights, String cap) {
        return "{\"plan\": \"" + plan + "\", \"category\": \"DISTRICT\", \"effectiveFrom\": \"" + effectiveFrom + "\", "
                + "\"note\": \"只考核指标完成\", \"rules\": {\"weights\": " + weights + ", \"progressCap\": " + cap + ", "
                + "\"aboutTolerance\": 0.05, \"thresholds\": {\"ahead\": 1.1, \"onTrack\": 1.0, \"behind\": 0.8}, "
                + "\"latePenalty\": 5, \"missingPenalty\": 15, \"coResponsibleWeight\": 0}}";
    }

    @Test
    void givenANewSchemeVersion_whenDefined_thenTheRankingIsRecalculatedWithItAndTheOldVersionStays() {
        String plan = RankedPlan.create();
        defineScheme(scheme(plan, "2011-Q2", "{\"indicators\": 100, \"tasks\": 0, \"timeliness\": 0}", "1.2"))
                .statusCode(201).body("version", equalTo(2)).body("effectiveFrom", equalTo("2011-Q2"));

        // Indicators only: futian and nanshan 120, pingshan 110, baoan and luohu 100, yantian 90, guangming 80, longgang 60.
        var ranking = AssessmentFixture.awaitRanking(plan, r -> true);
        assertEquals(List.of("futian", "nanshan", "pingshan", "baoan", "luohu", "yantian", "guangming", "longgang"),
                ranking.getList("[0].entries.unit", String.class));
        assertEquals(List.of(1, 1, 3, 4, 4, 6, 7, 8), ranking.getList("[0].entries.rank", Integer.class));
        given().auth().oauth2(TestTokens.leader()).queryParam("plan", plan).when().get("/api/v1/schemes").then()
                .statusCode(200).body("findAll { it.category == 'DISTRICT' }.version", hasItems(1, 2));
    }

    @Test
    void givenInvalidSchemes_whenDefined_thenEveryBadFieldIsNamedAndNothingChanges() {
        String plan = RankedPlan.create();
        assertProblem(defineScheme(scheme(plan, "soon", "{\"indicators\": -1, \"tasks\": 0, \"timeliness\": 0}", "0.5")),
                400, "effectiveFrom", "rules.weights.indicators", "rules.progressCap");
        assertProblem(defineScheme(scheme(plan, "2011-Q2", "{\"indicators\": 0, \"tasks\": 0, \"timeliness\": 0}", "1.2")),
                400, "rules.weights");
        assertProblem(defineScheme(scheme("no-such-plan", "2011-Q2", "{\"indicators\": 1, \"tasks\": 0, \"timeliness\": 0}",
                "1.2")), 404, "plan");
        assertProblem(defineScheme("{\"plan\": \"" + plan + "\", \"rules\": {\"weights\": \"heavy\"}}"), 400, "rules.weights");
        given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).when().get("/api/v1/schemes").then()
                .body("findAll { it.category == 'DISTRICT' }.version", equalTo(List.of(1)));
    }

    @Test
    void givenARankedPeriod_whenItsBriefingIsAsked_thenMarkdownAndHtmlCarryTheFigures() {
        // An industry's completion averages every assessed unit x indicator line of that industry. In the
        // seed's 2011 targets biotech has eight district lines (the fixture's fractions average 50%) and
        // five lines of the city itself, which nobody reported here and so stand at 0: 400% / 13 = 30.8%.
        String plan = RankedPlan.create();
        given().auth().oauth2(TestTokens.leader()).queryParam("plan", plan).queryParam("period", "2011-Q2").when()
                .get("/api/v1/briefings").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("| bio | 30.8% |"))
                .body(containsString("| 福田区 | 60.0% |"))
                .body(containsString("| DISTRICT | 1 | 福田区 | 112.00 |"))
                .body(containsString("| DISTRICT | 8 | 光明新区 | 63.00 |"))
                .body(containsString("- Late: yantian"));
        given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                .queryParam("format", "html").when().get("/api/v1/briefings").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<td>福田区</td><td>112.00</td>"));
        assertProblem(given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                .queryParam("format", "pdf").when().get("/api/v1/briefings").then(), 400, "format");
    }

    @Test
    void givenARankedPeriod_whenTheOfficeExportsRankings_thenEveryCategoryIsASheetInRankOrder() {
        String plan = RankedPlan.create();
        byte[] xlsx = given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                .when().get("/api/v1/rankings/export").then().statusCode(200).contentType(Xlsx.MEDIA_TYPE)
                .extract().asByteArray();
        Workbooks book = Workbooks.read(xlsx);
        List<String> districts = new ArrayList<>();
        for (int row = 3; book.get("DISTRICT", "B" + row) != null; row++) {
            districts.add((String) book.get("DISTRICT", "B" + row));
        }
        assertEquals(AssessmentFixture.EXPECTED_ORDER, districts);
        assertEquals(0, new BigDecimal("93.25").compareTo((BigDecimal) book.get("DISTRICT", "D7")));
        assertEquals("DEPARTMENT", book.get("DEPARTMENT", "A1").toString().split(" ")[2]);
        assertProblem(given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).when()
                .get("/api/v1/rankings/export").then(), 400, "period");
    }

    @Test
    void givenAPortalFollowingTheRanking_whenAReportChangesIt_thenTheNewRankingIsStreamed() throws Exception {
        String plan = RankedPlan.create();
        HttpRequest follow = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/v1/rankings/stream?plan=" + plan)).header("Authorization", "Bearer " + TestTokens.leader())
                .header("Accept", "text/event-stream").build();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.send(follow, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        CompletableFuture<String> firstData = CompletableFuture.supplyAsync(
                () -> response.body().filter(l -> l.startsWith("data:")).findFirst().orElse(""));

        AssessmentFixture.publishReports(plan, List.of(AssessmentFixture.report(plan, "report.corrected",
                RankedPlan.reportOf(plan, "guangming"), 5, "ACCEPTED", new Row("guangming", 60, true, false))));
        String data = firstData.get(30, TimeUnit.SECONDS);
        assertTrue(data.contains("\"plan\":\"" + plan + "\"") && data.contains("guangming"), data);
        response.body().close();
    }

    @Test
    void givenAPortalFollowingTheRanking_whenItsTokenExpires_thenTheStreamEnds() throws Exception {
        String plan = RankedPlan.create();
        HttpRequest follow = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/v1/rankings/stream?plan=" + plan))
                .header("Authorization", "Bearer " + TestTokens.expiringIn("leader", java.time.Duration.ofSeconds(3)))
                .header("Accept", "text/event-stream").build();
        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(follow, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        // Reading to the end returns only once the server ends the stream; it must, within a few seconds.
        CompletableFuture<Long> ended = CompletableFuture.supplyAsync(() -> response.body().count());
        ended.get(30, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - started >= java.time.Duration.ofSeconds(2).toNanos(),
                "the stream lasted until the token's expiry, not less");
    }
}
