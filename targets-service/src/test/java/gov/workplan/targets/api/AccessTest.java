package gov.workplan.targets.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import gov.workplan.targets.SeedDocument;
import gov.workplan.testkit.TestCaller;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what, for every endpoint of targets-service and every kind of caller: the four
 * roles, a reporter token without a unit, and callers without a valid token.
 */
@QuarkusTest
class AccessTest {

    private static final String SEED = "/api/v1/plans/" + SeedDocument.PLAN;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Set<String> EVERY_ROLE = Set.of("office", "reporter", "leader", "service");
    private static String amendablePlan;

    /** An endpoint, the roles that may call it, and what a permitted call answers. */
    record Endpoint(String method, String path, Supplier<?> body, String contentType, Set<String> roles,
            int permittedStatus) {

        Endpoint(String method, String path, Supplier<?> body, Set<String> roles, int permittedStatus) {
            this(method, path, body, "application/json", roles, permittedStatus);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static synchronized String amendablePlan() {
        if (amendablePlan == null) {
            amendablePlan = SeedDocument.importCopy();
        }
        return amendablePlan;
    }

    static List<Endpoint> endpoints() {
        String target = SEED + "/targets/futian/scale.bio/2012";
        return List.of(
                new Endpoint("GET", "/api/v1/units", null, EVERY_ROLE, 200),
                new Endpoint("GET", "/api/v1/units/futian", null, EVERY_ROLE, 200),
                new Endpoint("GET", "/api/v1/plans", null, EVERY_ROLE, 200),
                new Endpoint("GET", SEED, null, EVERY_ROLE, 200),
                new Endpoint("POST", "/api/v1/plans",
                        () -> SeedDocument.copy(SeedDocument.freshCode()).toString(), Set.of("office"), 201),
                new Endpoint("GET", SEED + "/indicators", null, EVERY_ROLE, 200),
                new Endpoint("GET", SEED + "/indicators/scale.bio", null, EVERY_ROLE, 200),
                new Endpoint("GET", SEED + "/targets", null, EVERY_ROLE, 200),
                new Endpoint("GET", SEED + "/targets/export", null, Set.of("office", "leader", "service"), 200),
                new Endpoint("GET", target, null, EVERY_ROLE, 200),
                new Endpoint("GET", target + "/revisions", null, EVERY_ROLE, 200),
                new Endpoint("POST", "/api/v1/plans/{amendable}/targets/futian/scale.bio/2012/amendments",
                        () -> "{\"value\": 31, \"reason\": \"access test\"}", Set.of("office"), 201),
                new Endpoint("GET", SEED + "/tasks?unit=futian", null, EVERY_ROLE, 200),
                new Endpoint("GET", SEED + "/tasks/3.1.1", null, EVERY_ROLE, 200),
                new Endpoint("GET", SEED + "/decomposition", null, EVERY_ROLE, 200),
                new Endpoint("GET", "/api/v1/audit", null, Set.of("office", "leader"), 200),
                // targets-service consumes nothing: nothing is parked here, and no topic is its to re-drive.
                new Endpoint("GET", "/api/v1/dead-letters", null, Set.of("office", "leader"), 200),
                new Endpoint("POST", "/api/v1/dead-letters/redrive?topic=workplan.targets", null, Set.of("office"),
                        404),
                new Endpoint("GET", "/api/v1/plan-workbooks/template", null, Set.of("office"), 200),
                new Endpoint("GET", SEED + "/workbook", null, Set.of("office", "leader", "service"), 200),
                new Endpoint("POST", "/api/v1/plan-workbooks?preview=true", PlanWorkbooks::seedWorkbook, XLSX,
                        Set.of("office"), 200),
                new Endpoint("POST", "/api/v1/plan-workbooks",
                        () -> PlanWorkbooks.workbookOf(SeedDocument.copy(SeedDocument.freshCode())), XLSX, Set.of("office"),
                        201),
                new Endpoint("POST", "/api/v1/plan-drafts", PlanDrafts::seedText, "text/plain; charset=UTF-8",
                        Set.of("office"), 200),
                new Endpoint("GET", "/api/v1/unit-directories", null, Set.of("office", "leader", "service"), 200),
                new Endpoint("GET", "/api/v1/unit-directories/shenzhen", null, Set.of("office", "leader", "service"), 200),
                new Endpoint("GET", "/api/v1/unit-directories/shenzhen/versions", null, Set.of("office", "leader"), 200),
                new Endpoint("PUT", "/api/v1/unit-directories/access-test", PlanDrafts::smallDirectory,
                        Set.of("office"), 200));
    }

    static Stream<Arguments> everyEndpointForEveryCaller() {
        return endpoints().stream().flatMap(e -> Stream.of(TestCaller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "given {1}, when {0} is called, then access is as its roles say")
    @MethodSource("everyEndpointForEveryCaller")
    void givenACaller_whenAnEndpointIsCalled_thenOnlyItsRolesGetThrough(Endpoint endpoint, TestCaller caller) {
        String path = endpoint.path().replace("{amendable}", amendablePlan());
        RequestSpecification request = caller.request();
        if (endpoint.body() != null) {
            Object body = endpoint.body().get();
            request.contentType(endpoint.contentType());
            if (body instanceof byte[] bytes) {
                request.body(bytes); // sent as it is: the Object overload would marshal it by its content type
            } else {
                request.body((String) body);
            }
        }
        ValidatableResponse response = request.when().request(endpoint.method(), path).then();
        caller.assertAccess(response, endpoint.roles(), endpoint.permittedStatus());
    }

    @Test
    void givenAnAnonymousCaller_whenHealthAndTheApiContractAreRead_thenTheyAreOpen() {
        gov.workplan.testkit.Management.given().when().get("/q/health/live").then().statusCode(200);
        gov.workplan.testkit.Management.given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void givenAReporterTryingToAmend_whenRefused_thenTheDenialIsAuditedWithoutTheToken() throws InterruptedException {
        String token = TestTokens.reporter("nanshan");
        String action = "POST " + SEED + "/targets/nanshan/scale.bio/2012/amendments";
        given().auth().oauth2(token).contentType("application/json").body("{\"value\": 1, \"reason\": \"x\"}")
                .when().post(SEED + "/targets/nanshan/scale.bio/2012/amendments").then().statusCode(403);

        List<Map<String, Object>> entries = List.of();
        for (int attempt = 0; attempt < 50 && entries.isEmpty(); attempt++) {
            entries = given().auth().oauth2(TestTokens.office()).queryParam("actor", "reporter-nanshan")
                    .queryParam("outcome", "DENIED").when().get("/api/v1/audit").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            if (entries.isEmpty()) {
                Thread.sleep(200); // the audit trail writes in the background, in batches
            }
        }
        assertFalse(entries.isEmpty(), "the denied amendment is in the audit log");
        Map<String, Object> entry = entries.get(0);
        assertEquals(action, entry.get("action"));
        assertEquals("DENIED", entry.get("outcome"));
        assertEquals(403, entry.get("status"));
        assertEquals("nanshan", entry.get("unit"));
        assertNotNull(entry.get("occurredAt"), "when");
        assertNotNull(entry.get("remoteAddress"), "from where");
        assertFalse(entries.toString().contains(token.substring(token.lastIndexOf('.') + 1)), "never the token");
    }

    @Test
    void givenAMissingToken_whenAWriteIsAttempted_thenTheAttemptIsAuditedAsUnauthenticated() throws InterruptedException {
        String path = SEED + "/targets/baoan/scale.bio/2012/amendments";
        given().contentType("application/json").body("{\"value\": 1, \"reason\": \"x\"}").when().post(path)
                .then().statusCode(401);
        boolean found = false;
        for (int attempt = 0; attempt < 50 && !found; attempt++) {
            found = given().auth().oauth2(TestTokens.leader()).queryParam("outcome", "UNAUTHENTICATED")
                    .queryParam("actor", "anonymous").when().get("/api/v1/audit").then().statusCode(200)
                    .extract().jsonPath().getList("action", String.class).contains("POST " + path);
            if (!found) {
                Thread.sleep(200);
            }
        }
        assertTrue(found, "the anonymous write attempt is in the audit log");
    }
}
