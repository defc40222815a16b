package gov.workplan.assessment.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gov.workplan.assessment.RankedPlan;
import gov.workplan.testkit.TestCaller;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what in assessment-service: office and leader see provisional results, a reporter
 * only its own unit's breakdown (the reporter here speaks for futian), the public published results.
 */
@QuarkusTest
class AssessmentAccessTest {

    private static final Set<String> OFFICE_LEADER = Set.of("office", "leader");
    private static String plan;

    record Endpoint(String name, String method, Supplier<String> permittedPath, Supplier<String> refusedPath,
            String body, Set<String> roles, int permittedStatus) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static synchronized String plan() {
        if (plan == null) {
            plan = RankedPlan.create();
        }
        return plan;
    }

    private static String frozen() {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .body("{\"plan\": \"" + plan() + "\", \"period\": \"2011-Q2\", \"overrideReason\": \"测试：季度报送尚在审核\"}").when().post("/api/v1/results")
                .then().statusCode(201).extract().path("id");
    }

    private static String approved() {
        String id = frozen();
        given().auth().oauth2(TestTokens.leader()).when().post("/api/v1/results/" + id + "/approve").then().statusCode(200);
        return id;
    }

    static List<Endpoint> endpoints() {
        Supplier<String> any = () -> "/api/v1/results/00000000-0000-0000-0000-000000000000";
        return List.of(
                same("GET rankings", "GET", () -> "/api/v1/rankings?period=2011-Q2&plan=" + plan(), OFFICE_LEADER, 200),
                same("GET rankings export", "GET", () -> "/api/v1/rankings/export?period=2011-Q2&plan=" + plan(),
                        OFFICE_LEADER, 200),
                same("GET unit assessment", "GET", () -> "/api/v1/units/futian/assessment?period=2011-Q2&plan=" + plan(),
                        Set.of("office", "leader", "reporter"), 200),
                same("GET schemes", "GET", () -> "/api/v1/schemes?plan=" + plan(), OFFICE_LEADER, 200),
                new Endpoint("POST scheme", "POST", () -> "/api/v1/schemes", () -> "/api/v1/schemes", "scheme",
                        Set.of("office"), 201),
                new Endpoint("POST result", "POST", () -> "/api/v1/results", () -> "/api/v1/results", "freeze",
                        Set.of("office"), 201),
                new Endpoint("POST approve", "POST", () -> "/api/v1/results/" + frozen() + "/approve",
                        () -> any.get() + "/approve", null, Set.of("leader"), 200),
                new Endpoint("POST publish", "POST", () -> "/api/v1/results/" + approved() + "/publish",
                        () -> any.get() + "/publish", null, Set.of("office"), 200),
                same("GET results", "GET", () -> "/api/v1/results?plan=" + plan(), OFFICE_LEADER, 200),
                same("GET briefing", "GET", () -> "/api/v1/briefings?period=2011-Q2&plan=" + plan(), OFFICE_LEADER, 200),
                same("POST rebuild", "POST", () -> "/api/v1/assessments/rebuild?plan=" + plan(), Set.of("office"), 200),
                same("GET audit", "GET", () -> "/api/v1/audit", OFFICE_LEADER, 200),
                same("GET dead letters", "GET", () -> "/api/v1/dead-letters", OFFICE_LEADER, 200),
                same("POST redrive", "POST", () -> "/api/v1/dead-letters/redrive?topic=workplan.reporting.assessment-dlq",
                        Set.of("office"), 200));
    }

    private static Endpoint same(String name, String method, Supplier<String> path, Set<String> roles, int status) {
        return new Endpoint(name, method, path, path, null, roles, status);
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return endpoints().stream().flatMap(e -> Stream.of(TestCaller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "given {1}, when {0} is called, then access is as its roles say")
    @MethodSource("everyEndpointForEveryCaller")
    void givenACaller_whenAnEndpointIsCalled_thenOnlyItsRolesGetThrough(Endpoint endpoint, TestCaller caller) {
        boolean permitted = caller.role() != null && endpoint.roles().contains(caller.role());
        String path = permitted ? endpoint.permittedPath().get() : endpoint.refusedPath().get();
        RequestSpecification request = caller.request();
        if (endpoint.body() != null) {
            request.contentType("application/json").body(body(endpoint.body()));
        }
        ValidatableResponse response = request.when().request(endpoint.method(), path).then();
        caller.assertAccess(response, endpoint.roles(), endpoint.permittedStatus());
    }

    private static String body(String kind) {
        return switch (kind) {
            case "scheme" -> "{\"plan\": \"" + plan() + "\", \"category\": \"DEPARTMENT\", \"effectiveFrom\": \"2012-Q1\", "
                    + "\"rules\": {\"weights\": {\"indicators\": 50, \"tasks\": 30, \"timeliness\": 20}, \"progressCap\": 1.2, "
                    + "\"aboutTolerance\": 0.05, \"thresholds\": {\"ahead\": 1.1, \"onTrack\": 1.0, \"behind\": 0.8}, "
                    + "\"latePenalty\": 5, \"missingPenalty\": 15, \"coResponsibleWeight\": 0}}";
            case "freeze" -> "{\"plan\": \"" + plan() + "\", \"period\": \"2011-Q2\", \"overrideReason\": \"测试：季度报送尚在审核\"}";
            default -> kind;
        };
    }

    @Test
    void givenAFutianReporter_whenItAsksForNanshansBreakdown_thenTheAnswerIs403() {
        assertProblem(given().auth().oauth2(TestTokens.reporter("futian")).queryParam("plan", plan())
                .queryParam("period", "2011-Q2").when().get("/api/v1/units/nanshan/assessment").then(), 403);
    }

    @Test
    void givenNoToken_whenPublishedRankingsAreRead_thenTheyAreOpenToThePublic() {
        given().queryParam("plan", plan()).when().get("/api/v1/public/rankings").then().statusCode(200);
        given().queryParam("plan", plan()).when().get("/public/results").then().statusCode(200);
        given().when().get("/public/results").then().statusCode(200);
        given().when().get(PublicResultsPage.ECHARTS).then().statusCode(200);
    }
}
