package gov.workplan.reporting.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.reporting.Reporting;
import gov.workplan.reporting.TargetsFixture;
import gov.workplan.contracts.events.ReportingEvents;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.HostileWorkbooks;
import gov.workplan.testkit.Workbooks;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The Excel round trip of an information officer: template → fill in → upload → the same values. */
@QuarkusTest
class ReportWorkbookTest {

    private static final String I = "Indicators";
    private static final String T = "Tasks";

    /** futian's 2011-Q2 template filled as an officer would: values beside the codes. */
    private static Workbooks filled(String plan) {
        Workbooks book = Workbooks.read(Reporting.template(plan, "2011-Q2", "futian"));
        book.put(I, "F" + book.rowOf(I, "scale.bio"), new BigDecimal("12.5"))
                .put(I, "G" + book.rowOf(I, "scale.bio"), "含新引进企业产值")
                .put(I, "F" + book.rowOf(I, "bio.innovative-drugs"), new BigDecimal("1"))
                .put(T, "E" + book.rowOf(T, "2.1"), "IN_PROGRESS")
                .put(T, "F" + book.rowOf(T, "2.1"), "配合推进")
                .put(T, "E" + book.rowOf(T, "3.1.1"), "DONE")
                .put(T, "G" + book.rowOf(T, "3.1.1"), "https://www.szft.gov.cn/base-plan");
        return book;
    }

    @Test
    void givenAUnitsTemplate_whenFilledInAndUploaded_thenItsDraftHoldsTheSameValues_andTheTemplateShowsThemAgain() {
        String plan = TargetsFixture.publishPlan();
        Workbooks template = Workbooks.read(Reporting.template(plan, "2011-Q2", "futian"));
        // What futian owes in 2011: its two indicators with their targets, and the two tasks it shares or leads.
        assertEquals(List.of("scale.bio", "bio.innovative-drugs"), template.codes(I, 8));
        assertEquals(0, new BigDecimal("20").compareTo((BigDecimal) template.get(I, "E" + template.rowOf(I, "scale.bio"))));
        assertEquals(List.of("2.1", "3.1.1"), template.codes(T, 4));
        assertEquals("LEAD", template.get(T, "C" + template.rowOf(T, "3.1.1")));

        String id = Reporting.upload("futian", filled(plan).write()).statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        JsonPath report = Reporting.reporter("futian").when().get("/api/v1/reports/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(12.5f, report.getFloat("content.indicators.find { it.indicator == 'scale.bio' }.value"));
        assertEquals("含新引进企业产值", report.getString("content.indicators.find { it.indicator == 'scale.bio' }.explanation"));
        assertEquals(1f, report.getFloat("content.indicators.find { it.indicator == 'bio.innovative-drugs' }.value"));
        assertEquals(Map.of("2.1", "IN_PROGRESS", "3.1.1", "DONE"), Map.of(
                "2.1", report.getString("content.tasks.find { it.task == '2.1' }.progress"),
                "3.1.1", report.getString("content.tasks.find { it.task == '3.1.1' }.progress")));
        assertEquals("配合推进", report.getString("content.tasks.find { it.task == '2.1' }.note"));
        assertEquals("https://www.szft.gov.cn/base-plan",
                report.getString("content.tasks.find { it.task == '3.1.1' }.evidenceUrl"));

        // Downloaded again, the template carries the draft's values; uploaded again, it edits the same draft.
        Workbooks again = Workbooks.read(Reporting.template(plan, "2011-Q2", "futian"));
        assertEquals(0, new BigDecimal("12.5").compareTo((BigDecimal) again.get(I, "F" + again.rowOf(I, "scale.bio"))));
        assertEquals("DONE", again.get(T, "E" + again.rowOf(T, "3.1.1")));
        Reporting.upload("futian", again.write()).statusCode(200).body("id", equalTo(id)).body("version", equalTo(1));
        Reporting.submit("futian", id).statusCode(200).body("status", equalTo("SUBMITTED"));

        // A submitted report changes only through a correction.
        assertProblem(Reporting.upload("futian", again.write()), 409, "status");
    }

    @Test
    void givenCellsInError_whenUploaded_thenEveryErrorNamesItsCell_andNothingIsWritten() {
        String plan = TargetsFixture.publishPlan();
        Workbooks book = filled(plan);
        int bio = book.rowOf(I, "scale.bio");
        int drugs = book.rowOf(I, "bio.innovative-drugs");
        int task = book.rowOf(T, "2.1");
        book.put(I, "F" + bio, "十二点五").put(I, "F" + drugs, new BigDecimal("-1")).put(T, "E" + task, "FINISHED")
                .put(T, "G" + book.rowOf(T, "3.1.1"), "ftp://files/plan.pdf");
        assertProblem(Reporting.upload("futian", book.write()), 400, "Indicators!F" + bio, "Tasks!E" + task);

        // The shape errors found after reading name their cells too.
        Workbooks shape = filled(plan).put(I, "F" + drugs, new BigDecimal("-1"))
                .put(T, "G" + book.rowOf(T, "3.1.1"), "ftp://files/plan.pdf");
        assertProblem(Reporting.upload("futian", shape.write()), 400, "Indicators!F" + drugs,
                "Tasks!G" + book.rowOf(T, "3.1.1"));

        Reporting.office().queryParam("plan", plan).queryParam("unit", "futian").when().get("/api/v1/reports").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void givenAFileThatIsNotATemplate_whenUploaded_thenTheFileIsNamed() {
        assertProblem(Reporting.upload("futian", "name,value\nscale.bio,12".getBytes(StandardCharsets.UTF_8)), 400, "file");
        assertProblem(Reporting.upload("futian", Xlsx.workbook(List.of(new Xlsx.Table("Sheet1", "x", List.of("a"),
                List.of())))), 400, "file");
        assertProblem(Reporting.upload("futian", new byte[0]), 400, "file");
        assertProblem(Reporting.upload("futian", new byte[2 * 1024 * 1024 + 1]), 413, "file");
    }

    @Test
    void givenAFutianOfficer_whenItUploadsNanshansTemplate_thenItIsForbidden_andNothingIsWritten() {
        String plan = TargetsFixture.publishPlan();
        byte[] nanshan = Reporting.template(plan, "2011-Q2", "nanshan");
        // For its own unit, the file's B4 must be that unit; for nanshan, it is refused before the file is read.
        assertProblem(Reporting.upload("futian", nanshan), 400, "Indicators!B4");
        assertProblem(given().auth().oauth2(TestTokens.reporter("futian")).contentType(Xlsx.MEDIA_TYPE)
                .queryParam("unit", "nanshan").body(nanshan).when().post("/api/v1/report-workbooks").then(), 403);
        byte[] bomb = HostileWorkbooks.all(plan, "2011-Q2", "nanshan").stream()
                .filter(h -> h.name().startsWith("a zip bomb")).findFirst().orElseThrow().file();
        assertProblem(given().auth().oauth2(TestTokens.reporter("futian")).contentType(Xlsx.MEDIA_TYPE)
                .queryParam("unit", "nanshan").body(bomb).when().post("/api/v1/report-workbooks").then(), 403);
        assertProblem(given().auth().oauth2(TestTokens.reporter("futian")).contentType(Xlsx.MEDIA_TYPE)
                .body(nanshan).when().post("/api/v1/report-workbooks").then(), 400, "unit");
        assertProblem(given().auth().oauth2(TestTokens.reporter("futian")).queryParam("plan", plan)
                .queryParam("period", "2011-Q2").queryParam("unit", "nanshan").when()
                .get("/api/v1/report-workbooks/template").then(), 403);
        Reporting.office().queryParam("plan", plan).when().get("/api/v1/reports").then().body("$", hasSize(0));
    }

    /**
     * What an attacker or a careless exporter uploads: each answered with a 4xx naming the limit or the cell,
     * nothing written, and the service still taking reports and publishing them afterwards.
     */
    @Test
    void givenHostileFiles_whenUploaded_thenEachIsRefusedNamingTheLimitOrCell_andTheServiceStillPublishes() {
        String plan = TargetsFixture.publishPlan();
        Map<String, List<Object>> expected = new java.util.LinkedHashMap<>();
        expected.put("a value cell holding 1E-999999999", List.of(400, "Indicators!F8"));
        expected.put("the plan cell holding 1E+999999999", List.of(400, "Indicators!B2"));
        expected.put("an inline string of 1 GB", List.of(413, "file"));
        expected.put("a zip bomb: parts unpacking to 1 GB of zeros", List.of(413, "file"));
        expected.put("6,000 indicator rows", List.of(400, "Indicators"));
        expected.put("formula cells", List.of(400, "Indicators!F8", "Indicators!G8"));
        expected.put("a cell of 5,000 characters", List.of(400, "Indicators!G8"));
        expected.put("another unit's B4", List.of(400, "Indicators!B4"));
        expected.put("a CSV sent as .xlsx", List.of(400, "file"));
        expected.put("random bytes behind a zip signature", List.of(400, "file"));
        for (HostileWorkbooks.Hostile hostile : HostileWorkbooks.all(plan, "2011-Q2", "futian")) {
            List<Object> want = expected.get(hostile.name());
            if (want == null) {
                // a million rows: refused by its unpacked size or its row count, whichever it meets first
                int status = Reporting.upload("futian", hostile.file()).extract().statusCode();
                org.junit.jupiter.api.Assertions.assertTrue(status == 400 || status == 413, hostile + ": " + status);
                continue;
            }
            assertProblem(Reporting.upload("futian", hostile.file()), (Integer) want.get(0),
                    want.subList(1, want.size()).toArray(String[]::new));
        }
        Reporting.office().queryParam("plan", plan).when().get("/api/v1/reports").then().body("$", hasSize(0));

        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            String id = Reporting.upload("futian", filled(plan).write()).statusCode(201).extract().path("id");
            Reporting.submit("futian", id).statusCode(200);
            probe.awaitUntil(e -> id.equals(e.path("payload").path("reportId").asText()), java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void givenAPeriodWithReports_whenTheOfficeExportsCompliance_thenTheWorkbookHasEveryExpectedUnitAndTheRates() {
        String plan = TargetsFixture.publishPlan();
        Reporting.accepted("futian", plan, "2011-Q1", Reporting.futian(8));
        byte[] xlsx = given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q1")
                .when().get("/api/v1/compliance/export").then().statusCode(200)
                .contentType(Xlsx.MEDIA_TYPE).extract().asByteArray();
        Workbooks book = Workbooks.read(xlsx);
        List<String> units = book.codes("Compliance", 3);
        assertEquals(List.of("shenzhen", "futian", "nanshan", "development-reform", "完整率 Completeness",
                "及时率 Timeliness"), units);
        assertEquals("福田区", book.get("Compliance", "B" + book.rowOf("Compliance", "futian")));
        // The workbook says what the JSON answer says.
        String futianStatus = (String) book.get("Compliance", "D" + book.rowOf("Compliance", "futian"));
        String nanshanStatus = (String) book.get("Compliance", "D" + book.rowOf("Compliance", "nanshan"));
        JsonPath json = Reporting.office().queryParam("plan", plan).queryParam("period", "2011-Q1").when()
                .get("/api/v1/compliance").then().extract().jsonPath();
        assertEquals(json.getString("units.find { it.unit == 'futian' }.status"), futianStatus);
        assertEquals(json.getString("units.find { it.unit == 'nanshan' }.status"), nanshanStatus);
        assertEquals(0, new BigDecimal(json.getString("completenessRate")).compareTo(
                (BigDecimal) book.get("Compliance", "H" + book.rowOf("Compliance", "完整率 Completeness"))));
    }
}
