package gov.workplan.targets.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.targets.SeedDocument;
import gov.workplan.testkit.HostileWorkbooks;
import gov.workplan.testkit.TestTokens;
import gov.workplan.testkit.Workbooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A plan authored and shared as a workbook: the seed plan exported and imported again is the same plan (its
 * checksum unchanged); a workbook and the JSON document it holds are one plan; errors are named by their cell and
 * nothing is written; a preview writes nothing; hostile files are refused with a 4xx.
 */
@QuarkusTest
class PlanWorkbookTest {

    private static byte[] export(String plan) {
        return given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans/" + plan + "/workbook").then()
                .statusCode(200).contentType(PlanWorkbooks.XLSX).extract().asByteArray();
    }

    private static ValidatableResponse upload(byte[] workbook, boolean preview) {
        return given().auth().oauth2(TestTokens.office()).contentType(PlanWorkbooks.XLSX).body(workbook)
                .queryParam("preview", preview).when().post("/api/v1/plan-workbooks").then();
    }

    private static String seedChecksum() {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json")
                .body(SeedDocument.tree().toString()).when().post("/api/v1/plans").then().statusCode(200)
                .extract().path("checksum");
    }

    @Test
    void givenTheSeedPlan_whenExportedAsAWorkbookAndImportedAgain_thenNothingChanges_theChecksumIsTheSeeds() {
        byte[] workbook = export(SeedDocument.PLAN);
        upload(workbook, false).statusCode(200).body("created", org.hamcrest.Matchers.is(false))
                .body("checksum", org.hamcrest.Matchers.is(seedChecksum()))
                .body("counts.targets", org.hamcrest.Matchers.is(88)).body("counts.tasks", org.hamcrest.Matchers.is(35));
    }

    @Test
    void givenTheSeedsWorkbook_thenTheDecompositionSheetIsLaidOutAsTheDocumentLaysItOut() {
        Workbooks book = Workbooks.read(export(SeedDocument.PLAN));
        // units down, indicator × year across: 2011's three scales, then 2012's
        assertEquals(List.of("scale.bio", "scale.internet", "scale.new-energy", "scale.bio", "scale.internet", "scale.new-energy"),
                Stream.of("C", "D", "E", "F", "G", "H").map(c -> String.valueOf(book.get("Decomposition", c + "2"))).toList());
        assertEquals("2011", String.valueOf(book.get("Decomposition", "C4")));
        assertEquals("2012", String.valueOf(book.get("Decomposition", "F4")));
        assertEquals(List.of("futian", "luohu", "nanshan", "yantian", "baoan", "longgang", "guangming", "pingshan"),
                book.codes("Decomposition", 7));
        assertEquals(0, new java.math.BigDecimal("360").compareTo((java.math.BigDecimal) book.get("Decomposition", "C9")),
                "南山区 2011 生物: 360");
        assertEquals(88 - 48, book.codes("Targets", 3).size(), "the 40 prose targets on their own sheet");
    }

    @Test
    void givenAWorkbookAndTheJsonItHolds_whenBothAreImported_thenTheyAreOnePlan() {
        String code = SeedDocument.freshCode();
        ObjectNode doc = SeedDocument.copy(code);
        String checksum = upload(PlanWorkbooks.workbookOf(doc), false).statusCode(201).extract().path("checksum");
        given().auth().oauth2(TestTokens.office()).contentType("application/json").body(doc.toString()).when()
                .post("/api/v1/plans").then().statusCode(200).body("created", org.hamcrest.Matchers.is(false))
                .body("checksum", org.hamcrest.Matchers.is(checksum));
        byte[] again = export(code);
        upload(again, false).statusCode(200).body("checksum", org.hamcrest.Matchers.is(checksum));
    }

    @Test
    void givenAPreview_whenRead_thenTheDocumentAndWhatImportingWouldDoAreAnswered_andNothingIsWritten() {
        String code = SeedDocument.freshCode();
        upload(PlanWorkbooks.workbookOf(SeedDocument.copy(code)), true).statusCode(200).body("outcome", org.hamcrest.Matchers.is("NEW"))
                .body("document.plan.code", org.hamcrest.Matchers.is(code)).body("document.targets.size()", org.hamcrest.Matchers.is(88));
        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans/" + code).then().statusCode(404);
        upload(export(SeedDocument.PLAN), true).statusCode(200).body("outcome", org.hamcrest.Matchers.is("ALREADY_IMPORTED"));
    }

    @Test
    void givenBadCells_whenImported_thenEveryErrorNamesItsCellAndField_andNothingIsWritten() {
        String code = SeedDocument.freshCode();
        Workbooks book = Workbooks.read(PlanWorkbooks.workbookOf(SeedDocument.copy(code)));
        book.put("Targets", "E3", "seven hundred");      // not a number
        book.put("Decomposition", "A8", "nowhere");      // a unit the plan does not list
        book.put("Tasks", "J3", "2011-02-30");           // not a date
        ValidatableResponse refused = upload(book.write(), false);
        assertProblem(refused, 400, "Targets!E3", "Tasks!J3");
        // unreadable cells are answered first; once they read, the plan's own rules name theirs
        book.put("Targets", "E3", 700);
        book.put("Tasks", "J3", null);
        ValidatableResponse rules = upload(book.write(), false);
        assertProblem(rules, 400, "Decomposition!A8");
        rules.body("errors.message", hasItem(containsString("targets[")));
        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans/" + code).then().statusCode(404);
    }

    @Test
    void givenTheEmptyTemplate_whenDownloadedAndSentBackUnfilled_thenTheRequiredFieldsAreNamedByTheirCells() {
        byte[] template = given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plan-workbooks/template").then()
                .statusCode(200).extract().asByteArray();
        Workbooks book = Workbooks.read(template);
        assertEquals("code", book.get("Plan", "A3"));
        assertProblem(upload(template, false), 400, "Plan!B3", "Plan!B4");
    }

    static Stream<HostileWorkbooks.Hostile> hostileFiles() {
        return HostileWorkbooks.all(SeedDocument.PLAN, "2011-Q2", "futian").stream();
    }

    @ParameterizedTest(name = "given {0}, when uploaded as a plan workbook, then it is refused with a 4xx")
    @MethodSource("hostileFiles")
    void givenAHostileFile_whenUploaded_thenItIsRefusedWithA4xx_andTheServiceKeepsRunning(HostileWorkbooks.Hostile hostile) {
        int status = upload(hostile.file(), false).extract().statusCode();
        assertTrue(status >= 400 && status < 500, hostile + " answered " + status);
        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans").then().statusCode(200);
    }
}
