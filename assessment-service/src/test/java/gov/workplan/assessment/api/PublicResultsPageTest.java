package gov.workplan.assessment.api;

import static gov.workplan.assessment.AssessmentFixture.EXPECTED_ORDER;
import static gov.workplan.assessment.AssessmentFixture.awaitRanking;
import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.AssessmentFixture.Row;
import gov.workplan.assessment.Chromium;
import gov.workplan.assessment.RankedPlan;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The public results page, read in real headless Chromium at a phone's size. */
@QuarkusTest
class PublicResultsPageTest {

    private static final String DISTRICT_UNITS = "return Array.from(document.querySelectorAll("
            + "'table.ranking[data-category=DISTRICT] tbody tr')).map(function (r) { return r.dataset.unit; });";

    private static String publish(String plan) {
        String result = given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .body("{\"plan\": \"" + plan + "\", \"period\": \"2011-Q2\", \"overrideReason\": \"测试：季度报送尚在审核\"}").when().post("/api/v1/results").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.leader()).when().post("/api/v1/results/" + result + "/approve").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.office()).when().post("/api/v1/results/" + result + "/publish").then()
                .statusCode(200);
        return result;
    }

    private static String page(String query) {
        return "http://localhost:" + RestAssured.port + "/public/results?" + query;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void givenAPublishedResult_andALaterCorrection_whenThePublicOpensThePage_thenItShowsThePublishedRankingWithCharts() {
        String plan = RankedPlan.create();
        String result = publish(plan);
        // A correction after publication moves longgang to a tie at the top of the provisional ranking.
        AssessmentFixture.publishReports(plan, List.of(AssessmentFixture.report(plan, "report.corrected",
                RankedPlan.reportOf(plan, "longgang"), 3, "ACCEPTED", new Row("longgang", 62, true, false))));
        awaitRanking(plan, r -> "longgang".equals(r.getList("[0].entries.unit", String.class).get(1)));

        try (Chromium browser = Chromium.phone()) {
            browser.open(page("plan=" + plan + "&year=2011"));
            browser.await("document.body.dataset.charts === '2' && document.querySelectorAll('#chart-district svg text').length > 0",
                    Duration.ofSeconds(20));
            assertEquals(result, browser.eval("return document.getElementById('result').dataset.result;").asText());
            // The published order, not the provisional one: longgang is still seventh with 76.00.
            assertEquals(EXPECTED_ORDER, strings(browser.eval(DISTRICT_UNITS)));
            assertEquals("76.00", browser.eval("return document.querySelector("
                    + "'table.ranking[data-category=DISTRICT] tr[data-unit=longgang] td:nth-child(3)').textContent;").asText());
            // The district chart draws the published completion: futian reached 60% of its 2011 targets.
            String chartText = browser.eval("return Array.from(document.querySelectorAll('#chart-district svg text'))"
                    + ".map(function (t) { return t.textContent; }).join('|');").asText();
            assertTrue(chartText.contains("福田区") && chartText.contains("60%"), chartText);
            String industryText = browser.eval("return Array.from(document.querySelectorAll('#chart-industry svg text'))"
                    + ".map(function (t) { return t.textContent; }).join('|');").asText();
            assertTrue(industryText.contains("生物"), industryText);
            // Readable on a phone: nothing wider than the screen.
            assertTrue(browser.eval("return document.documentElement.scrollWidth <= window.innerWidth;").asBoolean(),
                    "the page scrolls sideways at 390 px");

            browser.eval("document.getElementById('lang-toggle').click(); return true;");
            browser.await("document.documentElement.lang === 'en' && document.body.dataset.charts === '2'",
                    Duration.ofSeconds(20));
            assertTrue(browser.eval("return document.querySelector('h1').textContent;").asText()
                    .startsWith("Shenzhen Work Plan"));
            assertEquals("Futian District", browser.eval("return document.querySelector("
                    + "'table.ranking[data-category=DISTRICT] tr[data-unit=futian] td:nth-child(2)').textContent;").asText());
            assertEquals(EXPECTED_ORDER, strings(browser.eval(DISTRICT_UNITS)));
        }
    }

    @Test
    void givenOnlyProvisionalRankings_whenThePageIsRead_thenItShowsNoRanking() {
        String plan = RankedPlan.create();
        given().queryParam("plan", plan).when().get("/public/results").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(not(containsString("data-unit=\"futian\"")))
                .body(not(containsString("id=\"result\"")));
    }

    @Test
    void givenBadParameters_whenThePageIsRead_thenEachIsNamedInAProblem() {
        String plan = RankedPlan.create();
        assertProblem(given().queryParam("plan", plan).queryParam("lang", "fr").when().get("/public/results").then(),
                400, "lang");
        assertProblem(given().queryParam("plan", plan).queryParam("year", "twenty").when().get("/public/results").then(),
                400, "year");
        assertProblem(given().queryParam("plan", plan).queryParam("year", "2011").queryParam("result", "nope").when()
                .get("/public/results").then(), 400, "result");
        assertProblem(given().queryParam("plan", "no-such-plan").when().get("/public/results").then(), 404, "plan");
    }
}
