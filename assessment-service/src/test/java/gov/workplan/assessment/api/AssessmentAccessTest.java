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
    private static final Set<String> OFFICE_STATISTICS = Set.of("office", "statistics");
    private static final Set<String> OFFICE_LEADER_REPORTER = Set.of("office", "leader", "reporter");
    private static final java.util.concurrent.atomic.AtomicInteger VALUES = new java.util.concurrent.atomic.AtomicInteger();
    private static String plan;
    private static String annualPlan;
    private static String notified;

    @jakarta.inject.Inject
    gov.workplan.assessment.MutableClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static final String UUID0 = "00000000-0000-0000-0000-000000000000";

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

    /** A plan with a live 2011 annual assessment (futian has reported its fourth quarter). */
    private static synchronized String annualPlan() {
        if (annualPlan == null) {
            annualPlan = gov.workplan.assessment.AnnualPlan.create();
        }
        return annualPlan;
    }

    /** One notified annual result, read by every caller allowed to. */
    private static synchronized String notified() {
        if (notified == null) {
            notified = gov.workplan.assessment.AnnualPlan.notified();
        }
        return notified;
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
                        Set.of("office"), 200),
                // the annual assessment (年度考核)
                same("GET annual schemes", "GET", () -> "/api/v1/annual-schemes?plan=" + annualPlan(), OFFICE_LEADER, 200),
                new Endpoint("POST annual scheme", "POST", () -> "/api/v1/annual-schemes", () -> "/api/v1/annual-schemes",
                        "annual-scheme", Set.of("office"), 201),
                new Endpoint("POST official statistic", "POST", () -> "/api/v1/official-statistics",
                        () -> "/api/v1/official-statistics", "official", OFFICE_STATISTICS, 201),
                same("GET official statistics", "GET", () -> "/api/v1/official-statistics?year=2011&plan=" + annualPlan(),
                        Set.of("office", "leader", "statistics", "service"), 200),
                same("GET official statistic history", "GET", () -> "/api/v1/official-statistics/history?year=2011"
                        + "&unit=futian&indicator=scale.bio&plan=" + annualPlan(), Set.of("office", "leader", "statistics"), 200),
                same("GET official statistics workbook", "GET", () -> "/api/v1/official-statistics/workbook?year=2011&plan="
                        + annualPlan(), OFFICE_STATISTICS, 200),
                new Endpoint("POST official statistics workbook", "POST", () -> "/api/v1/official-statistics/workbook"
                        + "?year=2011&plan=" + annualPlan(), () -> "/api/v1/official-statistics/workbook?year=2011&plan="
                        + annualPlan(), "workbook", OFFICE_STATISTICS, 200),
                same("GET reconciliation", "GET", () -> "/api/v1/official-statistics/reconciliation?year=2011&plan="
                        + annualPlan(), Set.of("office", "leader", "statistics"), 200),
                new Endpoint("POST annual item", "POST", () -> "/api/v1/annual-items", () -> "/api/v1/annual-items",
                        "annual-item", Set.of("office"), 201),
                new Endpoint("POST annual item withdrawal", "POST", () -> "/api/v1/annual-items/withdraw",
                        () -> "/api/v1/annual-items/withdraw", "withdrawal", Set.of("office"), 200),
                same("GET annual items", "GET", () -> "/api/v1/annual-items?year=2011&plan=" + annualPlan(), OFFICE_LEADER, 200),
                new Endpoint("POST chief official", "POST", () -> "/api/v1/units/futian/chief-officials",
                        () -> "/api/v1/units/futian/chief-officials", "chief-official", Set.of("office"), 201),
                same("GET chief officials", "GET", () -> "/api/v1/units/futian/chief-officials", OFFICE_LEADER, 200),
                same("GET annual assessments", "GET", () -> "/api/v1/annual-assessments?year=2011&plan=" + annualPlan(),
                        OFFICE_LEADER, 200),
                same("GET unit annual assessment", "GET", () -> "/api/v1/units/futian/annual-assessment?year=2011&plan="
                        + annualPlan(), OFFICE_LEADER_REPORTER, 200),
                new Endpoint("POST annual result", "POST", () -> "/api/v1/annual-results", () -> "/api/v1/annual-results",
                        "annual-freeze", Set.of("office"), 201),
                same("GET annual results", "GET", () -> "/api/v1/annual-results?plan=" + annualPlan(), OFFICE_LEADER, 200),
                new Endpoint("GET annual result", "GET", () -> "/api/v1/annual-results/" + notified(),
                        () -> "/api/v1/annual-results/" + UUID0, null, OFFICE_LEADER, 200),
                new Endpoint("POST annual approve", "POST", () -> "/api/v1/annual-results/"
                        + gov.workplan.assessment.AnnualPlan.frozen(annualPlan()) + "/approve",
                        () -> "/api/v1/annual-results/" + UUID0 + "/approve", null, Set.of("leader"), 200),
                new Endpoint("POST annual notify", "POST", () -> "/api/v1/annual-results/"
                        + gov.workplan.assessment.AnnualPlan.approved(gov.workplan.assessment.AnnualPlan.create()) + "/notify",
                        () -> "/api/v1/annual-results/" + UUID0 + "/notify", null, Set.of("office"), 200),
                new Endpoint("POST annual publish", "POST", () -> "/api/v1/annual-results/"
                        + gov.workplan.assessment.AnnualPlan.publishable() + "/publish",
                        () -> "/api/v1/annual-results/" + UUID0 + "/publish", null, Set.of("office"), 200),
                new Endpoint("GET annual unit result", "GET", () -> "/api/v1/annual-results/" + notified() + "/units/futian",
                        () -> "/api/v1/annual-results/" + UUID0 + "/units/futian", null, OFFICE_LEADER_REPORTER, 200),
                new Endpoint("POST objection", "POST", () -> "/api/v1/annual-results/" + notified() + "/objections",
                        () -> "/api/v1/annual-results/" + UUID0 + "/objections", "objection", Set.of("reporter"), 201),
                new Endpoint("GET objections", "GET", () -> "/api/v1/annual-results/" + notified() + "/objections",
                        () -> "/api/v1/annual-results/" + UUID0 + "/objections", null, OFFICE_LEADER_REPORTER, 200),
                new Endpoint("POST uphold", "POST", () -> "/api/v1/objections/" + gov.workplan.assessment.AnnualPlan.objection()
                        + "/uphold", () -> "/api/v1/objections/" + UUID0 + "/uphold", "ruling", Set.of("office"), 200),
                new Endpoint("POST reject", "POST", () -> "/api/v1/objections/" + gov.workplan.assessment.AnnualPlan.objection()
                        + "/reject", () -> "/api/v1/objections/" + UUID0 + "/reject", "ruling", Set.of("office"), 200));
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
        if ("workbook".equals(endpoint.body())) {
            request.contentType(gov.workplan.common.excel.Xlsx.MEDIA_TYPE).body(given().auth().oauth2(TestTokens.office())
                    .get("/api/v1/official-statistics/workbook?year=2011&plan=" + annualPlan()).then().statusCode(200)
                    .extract().asByteArray());
        } else if (endpoint.body() != null) {
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
            case "annual-scheme" -> "{\"plan\": \"" + annualPlan() + "\", \"category\": \"DEPARTMENT\", \"effectiveYear\": 2012, "
                    + "\"rules\": " + gov.workplan.testkit.EventFixtures.JSON.valueToTree(
                            gov.workplan.assessment.domain.annual.AnnualRules.DEFAULT) + "}";
            case "official" -> "{\"plan\": \"" + annualPlan() + "\", \"year\": 2011, \"unit\": \"futian\", "
                    + "\"indicator\": \"scale.bio\", \"value\": " + (20 + VALUES.incrementAndGet()) + ", "
                    + "\"source\": \"深圳统计年鉴2012\", \"sourceDate\": \"2012-03-15\"}";
            case "annual-item" -> "{\"plan\": \"" + annualPlan() + "\", \"year\": 2011, \"unit\": \"futian\", "
                    + "\"item\": \"J1\", \"points\": 80, \"reason\": \"评议\"}";
            case "withdrawal" -> {
                given().auth().oauth2(TestTokens.office()).contentType("application/json").body(body("annual-item"))
                        .post("/api/v1/annual-items").then().statusCode(201);
                yield "{\"plan\": \"" + annualPlan() + "\", \"year\": 2011, \"unit\": \"futian\", \"item\": \"J1\", "
                        + "\"reason\": \"测试：撤回\"}";
            }
            case "chief-official" -> "{\"name\": \"王伟\", \"post\": \"区长\", \"from\": \"2009-06-01\"}";
            case "annual-freeze" -> "{\"plan\": \"" + annualPlan() + "\", \"year\": 2011, \"reason\": \"测试：重新冻结\"}";
            case "objection" -> "{\"unit\": \"futian\", \"line\": \"timeliness:2011-Q2\", \"reason\": \"测试：申诉\"}";
            case "ruling" -> "{\"reason\": \"测试：裁定\"}";
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
