package gov.workplan.assessment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import gov.workplan.assessment.RankedPlan;
import gov.workplan.common.http.SecurityHeaders;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages assessment serves — the public results and the HTML briefing — run scripts from this origin only
 * and may not be framed; the public page has no inline script for that policy to forbid (its charts' code is a
 * file; the browser test proves the charts still draw under it).
 */
@QuarkusTest
class HtmlHeadersTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>");

    @Test
    void givenThePublicResultsPage_whenServed_thenItCarriesTheContentSecurityPolicyAndNoInlineScript() {
        String page = given().when().get("/public/results").then().statusCode(200)
                .header("Content-Security-Policy", equalTo(SecurityHeaders.POLICY))
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .extract().asString();
        assertFalse(INLINE_SCRIPT.matcher(page).find(), page);
        given().when().get("/_static/workplan/public-results.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void givenTheHtmlBriefing_whenServed_thenItCarriesTheContentSecurityPolicy() {
        String plan = RankedPlan.create();
        given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                .queryParam("format", "html").when().get("/api/v1/briefings").then().statusCode(200)
                .header("Content-Security-Policy", equalTo(SecurityHeaders.POLICY));
    }
}
