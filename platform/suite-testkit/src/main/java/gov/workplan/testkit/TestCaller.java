package gov.workplan.testkit;

import static io.restassured.RestAssured.given;

import java.util.Set;
import java.util.function.Supplier;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Every kind of caller an endpoint must be proven against: no token, a forged one, an expired one,
 * a reporter token without a unit, and the five roles (the reporter speaks for futian).
 */
public enum TestCaller {
    ANONYMOUS(() -> null, null),
    FORGED(() -> TestTokens.forged("office"), null),
    EXPIRED(() -> TestTokens.expired("office"), null),
    REPORTER_WITHOUT_UNIT(() -> TestTokens.token("reporter", null), null),
    OFFICE(TestTokens::office, "office"),
    REPORTER(() -> TestTokens.reporter("futian"), "reporter"),
    LEADER(TestTokens::leader, "leader"),
    SERVICE(TestTokens::service, "service"),
    STATISTICS(TestTokens::statistics, "statistics");

    private final Supplier<String> token;
    private final String role;

    TestCaller(Supplier<String> token, String role) {
        this.token = token;
        this.role = role;
    }

    /** The role the caller holds, or null when it holds none the services accept. */
    public String role() {
        return role;
    }

    /** True for callers without a valid token: they get 401, not 403. */
    public boolean unauthenticated() {
        return role == null && this != REPORTER_WITHOUT_UNIT;
    }

    /**
     * What this caller must get from an endpoint open to {@code roles}: 401 without a valid token, 403
     * without a permitted role, else {@code permittedStatus}.
     */
    public void assertAccess(ValidatableResponse response, Set<String> roles, int permittedStatus) {
        if (unauthenticated()) {
            Problems.assertProblem(response, 401);
        } else if (role == null || !roles.contains(role)) {
            Problems.assertProblem(response, 403);
        } else {
            response.statusCode(permittedStatus);
        }
    }

    public RequestSpecification request() {
        String t = token.get();
        return t == null ? given() : given().auth().oauth2(t);
    }
}
