package gov.workplan.targets.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.targets.SeedDocument;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The seed's text drafted through the API, reviewed as an office would (the English names the text does not
 * have filled in) and imported: the plan it makes has the seed plan's tasks, units and targets. The same from a
 * .docx. Hostile bodies are refused with a 4xx naming the body.
 */
@QuarkusTest
class PlanDraftApiTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static ValidatableResponse draft(Object body, String type) {
        var request = given().auth().oauth2(TestTokens.office()).contentType(type);
        request = body instanceof byte[] bytes ? request.body(bytes) : request.body((String) body);
        return request.when().post("/api/v1/plan-drafts").then();
    }

    @Test
    void givenTheSeedText_whenDraftedReviewedAndImported_thenThePlanHasTheSeedsTasksUnitsAndTargets() throws Exception {
        JsonNode draft = PlanWorkbooks.JSON.readTree(draft(PlanDrafts.seedText(), "text/plain; charset=UTF-8")
                .statusCode(200).extract().asString());
        ObjectNode doc = (ObjectNode) draft.get("plan");
        String code = SeedDocument.freshCode();
        ((ObjectNode) doc.get("plan")).put("code", code);
        // the review: the text has no English names for the indicators
        doc.get("indicators").forEach(i -> ((ObjectNode) i).put("nameEn", "to translate: " + i.get("nameZh").asText()));
        given().auth().oauth2(TestTokens.office()).contentType("application/json").body(doc.toString()).when()
                .post("/api/v1/plans").then().statusCode(201).body("counts.units", is(31)).body("counts.targets", is(88))
                .body("counts.tasks", is(35));
        assertEquals(tasks(SeedDocument.PLAN), tasks(code));
    }

    private static List<Map<String, Object>> tasks(String plan) {
        List<Map<String, Object>> tasks = given().auth().oauth2(TestTokens.office()).when()
                .get("/api/v1/plans/" + plan + "/tasks").then().statusCode(200).extract().jsonPath().getList("$");
        tasks.forEach(t -> {
            t.remove("plan");
            t.remove("titleEn");
            t.remove("note");
        });
        return tasks;
    }

    @Test
    void givenTheSeedAsADocx_whenDrafted_thenItsTargetsAndTasksAreTheTextsOnes() {
        draft(docx(PlanDrafts.seedText()), DOCX).statusCode(200).body("plan.targets.size()", is(88))
                .body("plan.tasks.size()", is(35)).body("plan.plan.reporting.dueDayOfMonth", is(10));
    }

    @Test
    void givenBodiesThatAreNotADocumentsText_whenDrafted_thenEachIsRefusedNamingTheBody() {
        assertProblem(draft(new byte[] { (byte) 0xC3, 0x28, 'a' }, "text/plain"), 400, "body");
        assertProblem(draft("深圳\u0000市", "text/plain; charset=UTF-8"), 400, "body");
        assertProblem(draft("", "text/plain"), 400, "body");
        draft("一".repeat(PlanDraftResource.MAX_LINE_CHARS), "text/plain; charset=UTF-8").statusCode(200);
        assertProblem(draft("一".repeat(PlanDraftResource.MAX_LINE_CHARS + 1), "text/plain; charset=UTF-8"), 400, "body");
        assertProblem(draft("x".repeat(PlanDraftResource.MAX_TEXT_BYTES + 1), "text/plain"), 413, "body");
        assertProblem(draft("not a zip".getBytes(StandardCharsets.UTF_8), DOCX), 400, "file");
        assertProblem(given().auth().oauth2(TestTokens.office()).contentType("text/plain").body("一、目标")
                .queryParam("directory", "atlantis").when().post("/api/v1/plan-drafts").then(), 404, "directory");
    }

    @Test
    void givenADocxThatReachesForAFile_whenDrafted_thenNoEntityIsResolved_andItIsRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                + "<w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        ValidatableResponse answer = draft(zip(Map.of("word/document.xml", xml)), DOCX);
        assertProblem(answer, 400, "file");
        answer.body(not(containsString("root:")));
    }

    /** A .docx of the text, one paragraph per line: what a word processor saves. */
    static byte[] docx(String text) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w="
                + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (String line : text.split("\n", -1)) {
            xml.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(line.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</w:t></w:r></w:p>");
        }
        xml.append("</w:body></w:document>");
        return zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", xml.toString()));
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
