package gov.workplan.reporting.api;

import static gov.workplan.reporting.Reporting.futian;
import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.reporting.Reporting;
import gov.workplan.reporting.TargetsFixture;
import gov.workplan.testkit.TestCaller;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what in reporting-service, for every endpoint and every kind of caller. The reporter
 * here speaks for futian; the reports it may touch are futian's.
 */
@QuarkusTest
class ReportingAccessTest {

    private static final Set<String> EVERY_ROLE = Set.of("office", "reporter", "leader", "service");
    private static final Set<String> WRITERS = Set.of("office", "reporter");
    private static final List<String> PERIODS = List.of("2010-Q1", "2010-Q2", "2010-Q3", "2010-Q4", "2011-Q1",
            "2011-Q2", "2011-Q3", "2011-Q4", "2012-Q1", "2012-Q2", "2012-Q3", "2012-Q4");
    private static final String FUTIAN_2010 = "{\"tasks\": [{\"task\": \"2.1\", \"progress\": \"NOT_STARTED\"}, "
            + "{\"task\": \"3.1.1\", \"progress\": \"IN_PROGRESS\"}]}";

    private static final String FUTIAN_2012 = "{\"indicators\": [{\"indicator\": \"scale.bio\", \"value\": 12}], "
            + "\"tasks\": [{\"task\": \"2.1\", \"progress\": \"DONE\"}, {\"task\": \"3.1.1\", \"progress\": \"DONE\"}]}";

    private static String plan;
    private static int nextPeriod;
    private static String lastPeriod;
    private static String sharedReport;

    /**
     * An endpoint; a permitted call gets a path to fresh state from {@code permittedPath} (e.g. a
     * report ready to accept), a refused one the shared report: refused calls change nothing.
     */
    record Endpoint(String name, String method, Supplier<String> permittedPath, Supplier<String> refusedPath,
            String body, Set<String> roles, int permittedStatus) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A plan and a period in which futian has no report yet; a new plan when the periods run out. */
    private static synchronized String[] freeSlot() {
        if (plan == null || nextPeriod == PERIODS.size()) {
            plan = TargetsFixture.publishPlan();
            nextPeriod = 0;
        }
        lastPeriod = PERIODS.get(nextPeriod++);
        return new String[] { plan, lastPeriod };
    }

    private static String content(String period) {
        return period.startsWith("2010") ? FUTIAN_2010 : period.startsWith("2011") ? futian(8) : FUTIAN_2012;
    }

    private static String freshReport(boolean submitted, boolean accepted) {
        String[] slot = freeSlot();
        String id = Reporting.draft("futian", slot[0], slot[1], content(slot[1]));
        if (submitted) {
            Reporting.submit("futian", id).statusCode(200);
        }
        if (accepted) {
            Reporting.accept(id).statusCode(200);
        }
        return "/api/v1/reports/" + id;
    }

    /** A report whose unit has asked to correct it, awaiting the office. */
    private static String freshCorrectionRequest() {
        String path = freshReport(true, true);
        Reporting.correct("futian", path.substring(path.lastIndexOf('/') + 1), content(lastPeriod), "更正").statusCode(201);
        return path;
    }

    private static synchronized String shared() {
        if (sharedReport == null) {
            sharedReport = freshReport(false, false);
        }
        return sharedReport;
    }

    static List<Endpoint> endpoints() {
        Supplier<String> sharedPlan = () -> {
            shared();
            return plan;
        };
        return List.of(
                new Endpoint("GET periods", "GET", () -> "/api/v1/periods?plan=" + sharedPlan.get(),
                        () -> "/api/v1/periods?plan=" + sharedPlan.get(), null, EVERY_ROLE, 200),
                new Endpoint("GET expected", "GET", () -> "/api/v1/periods/2011-Q2/expected?plan=" + sharedPlan.get(),
                        () -> "/api/v1/periods/2011-Q2/expected?plan=" + sharedPlan.get(), null, EVERY_ROLE, 200),
                new Endpoint("GET compliance", "GET", () -> "/api/v1/compliance?period=2011-Q1&plan=" + sharedPlan.get(),
                        () -> "/api/v1/compliance?period=2011-Q1&plan=" + sharedPlan.get(), null,
                        Set.of("office", "leader", "service"), 200),
                new Endpoint("GET compliance export", "GET",
                        () -> "/api/v1/compliance/export?period=2011-Q1&plan=" + sharedPlan.get(),
                        () -> "/api/v1/compliance/export?period=2011-Q1&plan=" + sharedPlan.get(), null,
                        Set.of("office", "leader", "service"), 200),
                new Endpoint("GET report template", "GET",
                        () -> "/api/v1/report-workbooks/template?period=2011-Q2&unit=futian&plan=" + sharedPlan.get(),
                        () -> "/api/v1/report-workbooks/template?period=2011-Q2&unit=futian&plan=" + sharedPlan.get(),
                        null, WRITERS, 200),
                new Endpoint("POST report workbook", "POST", () -> "/api/v1/report-workbooks?unit=futian",
                        () -> "/api/v1/report-workbooks?unit=futian", "workbook", WRITERS, 201),
                new Endpoint("GET reports", "GET", () -> "/api/v1/reports?plan=" + sharedPlan.get(),
                        () -> "/api/v1/reports?plan=" + sharedPlan.get(), null, EVERY_ROLE, 200),
                new Endpoint("GET report", "GET", ReportingAccessTest::shared, ReportingAccessTest::shared, null,
                        EVERY_ROLE, 200),
                new Endpoint("GET versions", "GET", () -> shared() + "/versions", () -> shared() + "/versions", null,
                        EVERY_ROLE, 200),
                new Endpoint("POST report", "POST", () -> "/api/v1/reports", () -> "/api/v1/reports", "new-report",
                        WRITERS, 201),
                new Endpoint("PUT report", "PUT", () -> freshReport(false, false), ReportingAccessTest::shared,
                        "{\"content\": " + FUTIAN_2010 + "}", WRITERS, 200),
                new Endpoint("POST submit", "POST", () -> freshReport(false, false) + "/submit",
                        () -> shared() + "/submit", null, WRITERS, 200),
                new Endpoint("POST accept", "POST", () -> freshReport(true, false) + "/accept",
                        () -> shared() + "/accept", null, Set.of("office"), 200),
                new Endpoint("POST return", "POST", () -> freshReport(true, false) + "/return",
                        () -> shared() + "/return", "{\"reason\": \"请补充\"}", Set.of("office"), 200),
                new Endpoint("POST correction", "POST", () -> freshReport(true, true) + "/corrections",
                        () -> shared() + "/corrections", "correction", WRITERS, 201),
                new Endpoint("POST accept correction", "POST", () -> freshCorrectionRequest() + "/corrections/accept",
                        () -> shared() + "/corrections/accept", null, Set.of("office"), 200),
                new Endpoint("POST return correction", "POST", () -> freshCorrectionRequest() + "/corrections/return",
                        () -> shared() + "/corrections/return", "{\"reason\": \"请附证明\"}", Set.of("office"), 200),
                new Endpoint("POST import", "POST", () -> "/api/v1/reports/imports", () -> "/api/v1/reports/imports",
                        "import", Set.of("office"), 201),
                new Endpoint("GET officers", "GET", () -> "/api/v1/units/futian/officers",
                        () -> "/api/v1/units/futian/officers", null, EVERY_ROLE, 200),
                new Endpoint("POST officer", "POST", () -> "/api/v1/units/futian/officers",
                        () -> "/api/v1/units/futian/officers",
                        "{\"name\": \"王明\", \"phone\": \"0755-88888888\", \"email\": \"wangming@szft.gov.cn\"}",
                        Set.of("office"), 201),
                new Endpoint("GET audit", "GET", () -> "/api/v1/audit", () -> "/api/v1/audit", null,
                        Set.of("office", "leader"), 200),
                new Endpoint("GET dead letters", "GET", () -> "/api/v1/dead-letters", () -> "/api/v1/dead-letters", null,
                        Set.of("office", "leader"), 200),
                new Endpoint("POST redrive", "POST", () -> "/api/v1/dead-letters/redrive?topic=workplan.targets.reporting-dlq",
                        () -> "/api/v1/dead-letters/redrive?topic=workplan.targets.reporting-dlq", null, Set.of("office"), 200));
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
            String[] slot = freeSlot();
            request.contentType(Xlsx.MEDIA_TYPE).body(Reporting.template(slot[0], slot[1], "futian"));
        } else if (endpoint.body() != null) {
            request.contentType("application/json").body(body(endpoint.body(), path));
        }
        ValidatableResponse response = request.when().request(endpoint.method(), path).then();
        caller.assertAccess(response, endpoint.roles(), endpoint.permittedStatus());
    }

    private static String body(String kind, String path) {
        switch (kind) {
            case "new-report" -> {
                String[] slot = freeSlot();
                return "{\"plan\": \"" + slot[0] + "\", \"period\": \"" + slot[1] + "\", \"unit\": \"futian\"}";
            }
            case "correction" -> {
                return "{\"content\": " + content(lastPeriod) + ", \"reason\": \"更正\"}";
            }
            case "import" -> {
                String[] slot = freeSlot();
                return "{\"plan\": \"" + slot[0] + "\", \"reason\": \"迁移\", \"source\": \"档案\", "
                        + "\"reports\": [{\"period\": \"" + slot[1]
                        + "\", \"unit\": \"futian\", \"submittedAt\": \"2012-12-01T00:00:00Z\", \"content\": "
                        + content(slot[1]) + "}]}";
            }
            default -> {
                return kind;
            }
        }
    }

    @Test
    void givenAFutianReporter_whenItTouchesNanshansReport_thenEveryAnswerIs403() {
        String[] slot = freeSlot();
        String nanshan = Reporting.draft("nanshan", slot[0], "2011-Q3", Reporting.NANSHAN_2011);
        RequestSpecification futianReporter = Reporting.reporter("futian");
        assertProblem(futianReporter.when().get("/api/v1/reports/" + nanshan).then(), 403);
        assertProblem(Reporting.edit("futian", nanshan, Reporting.NANSHAN_2011), 403);
        assertProblem(Reporting.submit("futian", nanshan), 403);
        assertProblem(Reporting.reporter("futian").when().get("/api/v1/reports/" + nanshan + "/versions").then(), 403);
        assertProblem(Reporting.reporter("futian").body("{\"plan\": \"" + slot[0]
                + "\", \"period\": \"2011-Q4\", \"unit\": \"nanshan\"}").when().post("/api/v1/reports").then(), 403);
        assertProblem(Reporting.reporter("futian").queryParam("unit", "nanshan").when().get("/api/v1/reports").then(), 403);
        Reporting.reporter("futian").queryParam("plan", slot[0]).when().get("/api/v1/reports").then()
                .statusCode(200).body("unit", everyItem(equalTo("futian")));
    }
}
