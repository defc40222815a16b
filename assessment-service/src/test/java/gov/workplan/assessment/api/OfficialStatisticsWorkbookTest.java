package gov.workplan.assessment.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.workplan.assessment.AnnualPlan;
import gov.workplan.common.excel.Xlsx;
import gov.workplan.testkit.TestTokens;
import gov.workplan.testkit.Workbooks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The statistics bureau's workbook: downloaded with a row per unit × indicator (the unit's own Q4 figure beside
 * it), filled in, uploaded — all or nothing, every error named by its cell.
 */
@QuarkusTest
class OfficialStatisticsWorkbookTest {

    private static final String SHEET = OfficialStatisticsWorkbook.SHEET;

    private static byte[] template(String plan) {
        return given().auth().oauth2(TestTokens.statistics()).queryParam("plan", plan).queryParam("year", 2011)
                .get("/api/v1/official-statistics/workbook").then().statusCode(200)
                .contentType(Xlsx.MEDIA_TYPE).extract().asByteArray();
    }

    private static io.restassured.response.ValidatableResponse upload(String plan, byte[] file) {
        return given().auth().oauth2(TestTokens.statistics()).contentType(Xlsx.MEDIA_TYPE).body(file)
                .queryParam("plan", plan).queryParam("year", 2011).post("/api/v1/official-statistics/workbook").then();
    }

    /** The 1-based row of a unit × indicator in the sheet. */
    private static int row(Workbooks book, String unit, String indicator) {
        for (int r = 8; r < 500; r++) {
            if (unit.equals(book.get(SHEET, "A" + r)) && indicator.equals(book.get(SHEET, "C" + r))) {
                return r;
            }
        }
        throw new AssertionError(unit + " × " + indicator + " is not in the workbook");
    }

    @Test
    void givenTheTemplateFilledIn_whenUploaded_thenEveryFilledFigureIsRecordedAndTheSameOneAgainChangesNothing() {
        String plan = AnnualPlan.create();
        Workbooks book = Workbooks.read(template(plan));
        int bio = row(book, "futian", "scale.bio");
        int internet = row(book, "futian", "scale.internet");
        // futian reported 90 % of its 2011 targets (28 and 170) in Q4; the template shows it beside the target
        assertEquals(0, new BigDecimal("25.2").compareTo((BigDecimal) book.get(SHEET, "G" + bio)));
        assertEquals(0, new BigDecimal("28").compareTo((BigDecimal) book.get(SHEET, "F" + bio)));

        book.put(SHEET, "B4", "深圳统计年鉴2012").put(SHEET, "B5", "2012-03-15")
                .put(SHEET, "H" + bio, new BigDecimal("27.5"))
                .put(SHEET, "H" + internet, new BigDecimal("150")).put(SHEET, "I" + internet, "区统计局快报")
                .put(SHEET, "J" + internet, "2012-02-20");
        upload(plan, book.write()).statusCode(200).body("recorded", org.hamcrest.Matchers.equalTo(2));
        List<String> sources = given().auth().oauth2(TestTokens.leader()).queryParam("plan", plan).queryParam("year", 2011)
                .queryParam("unit", "futian").get("/api/v1/official-statistics").then().statusCode(200).extract()
                .jsonPath().getList("source");
        assertEquals(List.of("深圳统计年鉴2012", "区统计局快报"), sources, "the header's source, and a row's own");
        upload(plan, book.write()).statusCode(200).body("recorded", org.hamcrest.Matchers.equalTo(0))
                .body("unchanged", org.hamcrest.Matchers.equalTo(2));

        // the template now carries what was recorded
        Workbooks again = Workbooks.read(template(plan));
        assertEquals(0, new BigDecimal("27.5").compareTo((BigDecimal) again.get(SHEET, "H" + bio)));
    }

    @Test
    void givenAFileWithBadCells_whenUploaded_thenEveryErrorNamesItsCellAndNothingIsRecorded() {
        String plan = AnnualPlan.create();
        Workbooks book = Workbooks.read(template(plan));
        int bio = row(book, "futian", "scale.bio");
        int internet = row(book, "futian", "scale.internet");
        book.put(SHEET, "B4", "深圳统计年鉴2012").put(SHEET, "B5", "2012-03-15")
                .put(SHEET, "H" + bio, new BigDecimal("27.5"))
                .put(SHEET, "H" + internet, "十二点五");
        assertProblem(upload(plan, book.write()), 400, SHEET + "!H" + internet);

        book.put(SHEET, "H" + internet, new BigDecimal("150")).put(SHEET, "A" + internet, "nowhere")
                .put(SHEET, "J" + bio, "15.3.2012");
        assertProblem(upload(plan, book.write()), 400, SHEET + "!J" + bio);
        book.put(SHEET, "J" + bio, null);
        assertProblem(upload(plan, book.write()), 400, SHEET + "!A" + internet);

        book.put(SHEET, "A" + internet, "futian").put(SHEET, "B3", "2012");
        assertProblem(upload(plan, book.write()), 400, SHEET + "!B3");

        assertEquals(List.of(), given().auth().oauth2(TestTokens.statistics()).queryParam("plan", plan)
                .queryParam("year", 2011).get("/api/v1/official-statistics").then().statusCode(200).extract().jsonPath()
                .getList("value"), "nothing recorded by a file with errors, not even its good rows");
    }
}
