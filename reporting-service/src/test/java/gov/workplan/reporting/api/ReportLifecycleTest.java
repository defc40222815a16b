package gov.workplan.reporting.api;

import static gov.workplan.reporting.Reporting.accept;
import static gov.workplan.reporting.Reporting.accepted;
import static gov.workplan.reporting.Reporting.correct;
import static gov.workplan.reporting.Reporting.create;
import static gov.workplan.reporting.Reporting.draft;
import static gov.workplan.reporting.Reporting.edit;
import static gov.workplan.reporting.Reporting.futian;
import static gov.workplan.reporting.Reporting.office;
import static gov.workplan.reporting.Reporting.reporter;
import static gov.workplan.reporting.Reporting.returnIt;
import static gov.workplan.reporting.Reporting.submit;
import static gov.workplan.testkit.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.reporting.MutableClock;
import gov.workplan.reporting.TargetsFixture;
import gov.workplan.contracts.events.ReportingEvents;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The reporting cycle through the API, on the real database and broker. */
@QuarkusTest
class ReportLifecycleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Inside 2011-Q3, before 2011-Q2's deadline of 2011-07-10 in Shanghai. */
    private static final Instant EARLY_JULY_2011 = Instant.parse("2011-07-05T02:00:00Z");

    @Inject
    MutableClock clock;

    String plan;

    @BeforeEach
    void freshPlan() {
        plan = TargetsFixture.publishPlan();
        clock.set(EARLY_JULY_2011);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void givenADraft_whenSubmittedReturnedResubmittedAcceptedAndCorrected_thenEveryVersionIsKeptWithWhoAndWhy() {
        String id = draft("futian", plan, "2011-Q2", "{\"indicators\": [{\"indicator\": \"scale.bio\", \"value\": 5}]}");
        edit("futian", id, futian(8)).statusCode(200).body("status", equalTo("DRAFT")).body("version", equalTo(1));
        submit("futian", id).statusCode(200).body("status", equalTo("SUBMITTED")).body("timeliness", equalTo("ON_TIME"))
                .body("lateBySeconds", equalTo(0));
        returnIt(id, "请核实生物产业规模").statusCode(200).body("status", equalTo("RETURNED"));
        edit("futian", id, futian(9)).statusCode(200).body("status", equalTo("RETURNED"));
        submit("futian", id).statusCode(200).body("status", equalTo("SUBMITTED"));
        accept(id).statusCode(200).body("status", equalTo("ACCEPTED"));
        // Four eyes: the unit's correction is a request; the accepted 9 counts until the office accepts 9.5.
        correct("futian", id, futian("9.5"), "统计局核定数").statusCode(201)
                .body("status", equalTo("CORRECTION_REQUESTED"))
                .body("content.indicators[0].value", equalTo(9))
                .body("correctionRequest.content.indicators[0].value", equalTo(9.5f))
                .body("correctionRequest.requestedBy", equalTo("reporter-futian"));
        office().when().post("/api/v1/reports/" + id + "/corrections/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("content.indicators[0].value", equalTo(9.5f))
                .body("correctionRequest", org.hamcrest.Matchers.nullValue());

        reporter("futian").when().get("/api/v1/reports/" + id + "/versions").then().statusCode(200)
                .body("version", contains(0, 1, 2, 3, 4, 5, 6, 7, 8))
                .body("action", contains("CREATE", "EDIT", "SUBMIT", "RETURN", "EDIT", "SUBMIT", "ACCEPT",
                        "REQUEST_CORRECTION", "ACCEPT_CORRECTION"))
                .body("[0].content.indicators[0].value", equalTo(5))
                .body("[3].reason", equalTo("请核实生物产业规模"))
                .body("[3].actor", equalTo("office-test"))
                .body("[7].reason", equalTo("统计局核定数"))
                .body("[7].actor", equalTo("reporter-futian"))
                .body("[7].content.indicators[0].value", equalTo(9.5f))
                .body("[8].actor", equalTo("office-test"))
                .body("[2].timeliness", equalTo("ON_TIME"));
    }

    @Test
    void givenAUnitsCorrectionRequest_whenTheOfficeReturnsIt_thenTheAcceptedFiguresStand_andNothingIsPublished() {
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            String id = accepted("futian", plan, "2011-Q2", futian(9));
            correct("futian", id, futian(15), "漏报一家企业").statusCode(201).body("status", equalTo("CORRECTION_REQUESTED"));
            // The unit cannot wave its own request through, nor pile a second one on it.
            assertProblem(reporter("futian").when().post("/api/v1/reports/" + id + "/corrections/accept").then(), 403);
            assertProblem(correct("futian", id, futian(16), "再次更正"), 409, "status");
            assertProblem(office().body("{}").when().post("/api/v1/reports/" + id + "/corrections/return").then(), 400,
                    "reason");
            office().body("{\"reason\": \"请附统计局证明\"}").when().post("/api/v1/reports/" + id + "/corrections/return")
                    .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("content.indicators[0].value",
                            equalTo(9)).body("correctionRequest", org.hamcrest.Matchers.nullValue());
            assertProblem(office().when().post("/api/v1/reports/" + id + "/corrections/accept").then(), 409, "status");
            office().when().get("/api/v1/reports/" + id + "/versions").then()
                    .body("action", contains("CREATE", "SUBMIT", "ACCEPT", "REQUEST_CORRECTION", "RETURN_CORRECTION"))
                    .body("[4].reason", equalTo("请附统计局证明"));

            // The office's own correction takes effect at once, and needs a reason too.
            assertProblem(office().body("{\"content\": " + futian(12) + "}").when()
                    .post("/api/v1/reports/" + id + "/corrections").then(), 400, "reason");
            office().body("{\"content\": " + futian(12) + ", \"reason\": \"办公室核定\"}").when()
                    .post("/api/v1/reports/" + id + "/corrections").then().statusCode(201)
                    .body("status", equalTo("ACCEPTED")).body("content.indicators[0].value", equalTo(12));

            List<String> types = probe.awaitUntil(e -> ReportingEvents.REPORT_CORRECTED.equals(e.path("type").asText())
                    && id.equals(e.path("payload").path("reportId").asText()), Duration.ofSeconds(30)).stream()
                    .filter(e -> id.equals(e.path("payload").path("reportId").asText()))
                    .map(e -> e.path("type").asText()).toList();
            assertEquals(List.of("report.submitted", "report.accepted", "report.corrected"), types,
                    "neither the request nor its return reaches assessment; the office's correction does");
        }
    }

    @Test
    void givenEachState_whenAForbiddenTransitionIsAsked_thenTheAnswerIs409AndNothingChanges() {
        String draft = draft("futian", plan, "2011-Q2", futian(8));
        assertProblem(accept(draft), 409, "status");
        assertProblem(returnIt(draft, "x"), 409, "status");
        assertProblem(correct("futian", draft, futian(8), "x"), 409, "status");

        String submitted = draft("nanshan", plan, "2011-Q2", gov.workplan.reporting.Reporting.NANSHAN_2011);
        submit("nanshan", submitted).statusCode(200);
        assertProblem(submit("nanshan", submitted), 409, "status");
        assertProblem(edit("nanshan", submitted, gov.workplan.reporting.Reporting.NANSHAN_2011), 409, "status");
        assertProblem(correct("nanshan", submitted, gov.workplan.reporting.Reporting.NANSHAN_2011, "x"), 409, "status");

        String accepted = accepted("futian", plan, "2011-Q1", futian(4));
        assertProblem(submit("futian", accepted), 409, "status");
        assertProblem(edit("futian", accepted, futian(5)), 409, "status");
        assertProblem(accept(accepted), 409, "status");
        assertProblem(returnIt(accepted, "x"), 409, "status");

        office().when().get("/api/v1/reports/" + accepted + "/versions").then().body("$", hasSize(3));
        office().when().get("/api/v1/reports/" + submitted).then().body("status", equalTo("SUBMITTED")).body("version", equalTo(1));
    }

    @Test
    void givenTheDueDate_whenOneUnitSubmitsAtOneSecondToMidnightAndAnotherOneSecondAfter_thenOnTimeAndLateByOneSecond() {
        String futian = draft("futian", plan, "2011-Q1", futian(4));
        String nanshan = draft("nanshan", plan, "2011-Q1", gov.workplan.reporting.Reporting.NANSHAN_2011);

        clock.set(ZonedDateTime.of(2011, 4, 10, 23, 59, 59, 0, SHANGHAI).toInstant());
        submit("futian", futian).statusCode(200).body("timeliness", equalTo("ON_TIME")).body("lateBySeconds", equalTo(0));
        clock.set(ZonedDateTime.of(2011, 4, 11, 0, 0, 1, 0, SHANGHAI).toInstant());
        submit("nanshan", nanshan).statusCode(200).body("timeliness", equalTo("LATE")).body("lateBySeconds", equalTo(1))
                .body("firstSubmittedAt", equalTo("2011-04-10T16:00:01Z"));

        office().queryParam("plan", plan).queryParam("period", "2011-Q1").when().get("/api/v1/compliance").then()
                .statusCode(200)
                .body("closed", equalTo(true))
                .body("expected", equalTo(4))
                .body("units.find { it.unit == 'futian' }.status", equalTo("ON_TIME"))
                .body("units.find { it.unit == 'nanshan' }.status", equalTo("LATE"))
                .body("units.find { it.unit == 'shenzhen' }.status", equalTo("MISSING"))
                .body("units.find { it.unit == 'development-reform' }.status", equalTo("MISSING"))
                .body("completenessRate", equalTo(0.5f))
                .body("timelinessRate", equalTo(0.25f));
    }

    @Test
    void givenAnIncompleteDraft_whenSubmitted_thenEveryMissingEntryIsNamedAndTheReportStaysADraft() {
        String id = draft("futian", plan, "2011-Q2", "{\"indicators\": [{\"indicator\": \"scale.bio\", \"value\": 8}]}");
        assertProblem(submit("futian", id), 400, "content.indicators", "content.tasks");
        office().when().get("/api/v1/reports/" + id).then().body("status", equalTo("DRAFT")).body("version", equalTo(0))
                .body("firstSubmittedAt", nullValue());
        office().when().get("/api/v1/reports/" + id + "/versions").then().body("$", hasSize(1));
    }

    @Test
    void givenLastQuartersFigures_whenAYearToDateValueFallsWithoutExplanation_thenRefused_andAJumpIsKeptAsAWarning() {
        accepted("futian", plan, "2011-Q1", futian(10));

        String fall = draft("futian", plan, "2011-Q2", futian(9));
        assertProblem(submit("futian", fall), 400, "content.indicators[0].explanation");
        edit("futian", fall, futian(40)).statusCode(200);
        submit("futian", fall).statusCode(200)
                .body("warnings[0].field", equalTo("indicators[0].value"));
        office().when().get("/api/v1/reports/" + fall + "/versions").then().body("[2].warnings[0].field",
                equalTo("indicators[0].value"));
    }

    @Test
    void givenBadInput_whenReportsAreWritten_thenProblemsNameTheFieldAndNothingIsWritten() {
        assertProblem(create("futian", plan, "2011-Q2", "{\"indicators\": [{\"indicator\": \"scale.bio\", \"value\": -1}]}"),
                400, "content.indicators[0].value");
        assertProblem(create("futian", plan, "2011-Q2", "{\"indicators\": [{\"indicator\": \"scale.bio\", \"value\": \"x\"}]}"),
                400, "content.indicators[0].value");
        assertProblem(create("futian", plan, "2011-Q2", "{\"colour\": \"red\"}"), 400, "content.colour");
        assertProblem(create("futian", plan, "2011-Q2", "{\"tasks\": [{\"task\": \"3.1.1\", \"progress\": \"SOON\"}]}"),
                400, "content.tasks[0].progress");
        assertProblem(create("futian", plan, "2015-Q1", "{}"), 404, "period");
        assertProblem(create("futian", "no-such-plan", "2011-Q1", "{}"), 404, "plan");
        assertProblem(reporter("futian").body("{}").when().post("/api/v1/reports").then(), 400, "plan", "period", "unit");
        assertProblem(office().when().get("/api/v1/reports/not-a-uuid").then(), 400, "id");
        assertProblem(office().when().get("/api/v1/reports/" + java.util.UUID.randomUUID()).then(), 404, "id");
        office().queryParam("plan", plan).when().get("/api/v1/reports").then().body("$", hasSize(0));

        String id = draft("futian", plan, "2011-Q2", futian(8));
        assertProblem(create("futian", plan, "2011-Q2", "{}"), 409, "unit");
        assertProblem(reporter("futian").header("Idempotency-Key", "has spaces").when().post("/api/v1/reports/" + id + "/submit")
                .then(), 400, "Idempotency-Key");
        assertProblem(returnIt(id, " "), 400, "reason");
    }

    @Test
    void givenConcurrentRetriesWithOneIdempotencyKey_whenSubmitting_thenOneSubmissionAndOneEvent() throws Exception {
        String id = draft("futian", plan, "2011-Q2", futian(8));
        double submittedBefore = Metrics.sum("workplan_reports_submitted_total", "category=\"DISTRICT\"");
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Callable<Integer> retry = () -> {
                        start.await();
                        return reporter("futian").header("Idempotency-Key", "submit-" + id).when()
                                .post("/api/v1/reports/" + id + "/submit").then().extract().statusCode();
                    };
                    answers.add(pool.submit(retry));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertEquals(200, answer.get());
                }
            } finally {
                pool.shutdownNow();
            }
            reporter("futian").header("Idempotency-Key", "submit-" + id).when().post("/api/v1/reports/" + id + "/submit")
                    .then().statusCode(200).header("Idempotency-Replayed", "true").body("version", equalTo(1));
            assertProblem(reporter("futian").header("Idempotency-Key", "another-" + id).when()
                    .post("/api/v1/reports/" + id + "/submit").then(), 409, "status");

            accept(id).statusCode(200);
            List<JsonNode> events = probe.awaitUntil(e -> ReportingEvents.REPORT_ACCEPTED.equals(e.path("type").asText())
                    && id.equals(e.path("payload").path("reportId").asText()), Duration.ofSeconds(30));
            long submitted = events.stream().filter(e -> ReportingEvents.REPORT_SUBMITTED.equals(e.path("type").asText())
                    && id.equals(e.path("payload").path("reportId").asText())).count();
            assertEquals(1, submitted, "one submission, one event");
            assertEquals(1, Metrics.sum("workplan_reports_submitted_total", "category=\"DISTRICT\"") - submittedBefore,
                    "one submission counted");
        }
        office().when().get("/api/v1/reports/" + id + "/versions").then()
                .body("action", contains("CREATE", "SUBMIT", "ACCEPT"));
    }

    @Test
    void givenEveryAcceptedChange_whenTheTopicIsRead_thenExactlyOneEventEachCarryingTheFullReport() {
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            String id = draft("futian", plan, "2011-Q2", futian(8));
            submit("futian", id).statusCode(200);
            returnIt(id, "请补充说明").statusCode(200);
            submit("futian", id).statusCode(200);
            accept(id).statusCode(200);
            correct("futian", id, futian(11), "更正").statusCode(201);
            office().when().post("/api/v1/reports/" + id + "/corrections/accept").then().statusCode(200);

            List<JsonNode> events = probe.awaitUntil(e -> ReportingEvents.REPORT_CORRECTED.equals(e.path("type").asText())
                    && id.equals(e.path("payload").path("reportId").asText()), Duration.ofSeconds(30)).stream()
                    .filter(e -> id.equals(e.path("payload").path("reportId").asText())).toList();
            assertEquals(List.of("report.submitted", "report.returned", "report.submitted", "report.accepted",
                    "report.corrected"), events.stream().map(e -> e.path("type").asText()).toList());
            Map<Integer, Long> byVersion = events.stream().collect(Collectors.groupingBy(
                    e -> e.path("payload").path("version").asInt(), Collectors.counting()));
            assertEquals(5, byVersion.size(), "each change has its own version");
            JsonNode corrected = events.get(4);
            assertEquals(plan, corrected.path("key").asText());
            JsonNode payload = corrected.path("payload");
            assertEquals("futian", payload.path("unit").asText());
            assertEquals("DISTRICT", payload.path("unitCategory").asText());
            assertEquals("2011-Q2", payload.path("period").asText());
            assertEquals(11, payload.path("content").path("indicators").get(0).path("value").asInt());
            assertEquals("更正", payload.path("reason").asText());
            assertEquals("ON_TIME", payload.path("timeliness").asText());
            assertEquals("2011-07-10", payload.path("dueDate").asText());
        }
    }
}
