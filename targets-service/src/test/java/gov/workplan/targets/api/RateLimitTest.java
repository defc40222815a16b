package gov.workplan.targets.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The suite-wide per-caller limit (off in the other tests), with a small limit to reach it quickly. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeAtOnce.class)
class RateLimitTest {

    public static class ThreeAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a rate too slow to refill within the test: exactly the burst gets through
            return Map.of("suite.rate-limit.enabled", "true", "suite.rate-limit.per-second", "0.01",
                    "suite.rate-limit.burst", "3");
        }
    }

    @Test
    void givenACallerOverItsRateLimit_whenItAsksAgain_thenItGets429WithRetryAfter_andOtherCallersAreServed() {
        String integrator = TestTokens.token("service", null);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(integrator).when().get("/api/v1/plans").then().statusCode(200);
        }
        given().auth().oauth2(integrator).when().get("/api/v1/plans").then().statusCode(429)
                .contentType(startsWith("application/problem+json")).header("Retry-After", matchesPattern("9[0-9]|100"))
                .body("status", equalTo(429)).body("type", equalTo("urn:workplan:problem:rate-limited"));

        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans").then().statusCode(200);
        gov.workplan.testkit.Management.given().when().get("/q/health/ready").then().statusCode(200);
    }
}
