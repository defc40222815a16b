package gov.workplan.targets.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.targets.SeedDocument;
import gov.workplan.contracts.events.TargetsEvents;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PlanImportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ValidatableResponse importAsOffice(String body) {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json").body(body)
                .when().post("/api/v1/plans").then();
    }

    private static boolean completedImportOf(JsonNode event, String plan) {
        return TargetsEvents.PLAN_IMPORT_COMPLETED.equals(event.path("type").asText())
                && plan.equals(event.path("plan").asText());
    }

    @Test
    void givenAPlanDocument_whenImported_thenItIsReadableAndItsEventsLetOthersBuildTheirCopy() {
        String code = SeedDocument.freshCode();
        try (EventProbe probe = EventProbe.fromNowOn(TargetsEvents.TOPIC)) {
            importAsOffice(SeedDocument.copy(code).toString())
                    .statusCode(201)
                    .header("Location", endsWith("/api/v1/plans/" + code))
                    .body("created", equalTo(true))
                    .body("counts.targets", equalTo(88));

            List<JsonNode> events = probe.awaitUntil(e -> completedImportOf(e, code), WAIT).stream()
                    .filter(e -> code.equals(e.path("plan").asText())).toList();
            assertEquals(TargetsEvents.PLAN_REGISTERED, events.get(0).path("type").asText());
            assertEquals(TargetsEvents.PLAN_IMPORT_COMPLETED, events.get(events.size() - 1).path("type").asText());
            Map<String, Long> byType = events.stream()
                    .collect(Collectors.groupingBy(e -> e.path("type").asText(), Collectors.counting()));
            assertEquals(31L, byType.get(TargetsEvents.UNIT_REGISTERED));
            assertEquals(25L, byType.get(TargetsEvents.INDICATOR_DEFINED));
            assertEquals(88L, byType.get(TargetsEvents.TARGET_SET));
            assertEquals(35L, byType.get(TargetsEvents.TASK_DEFINED));
            assertTrue(events.stream().allMatch(e -> code.equals(e.path("key").asText())
                    && "targets-service".equals(e.path("source").asText())
                    && e.path("schemaVersion").asInt() == 1
                    && !e.path("id").asText().isEmpty()
                    && !e.path("occurredAt").asText().isEmpty()), "every event carries the full envelope");
            JsonNode futianBio = events.stream()
                    .filter(e -> TargetsEvents.TARGET_SET.equals(e.path("type").asText()))
                    .map(e -> e.path("payload"))
                    .filter(p -> "futian".equals(p.path("unit").asText()) && "scale.bio".equals(p.path("indicator").asText())
                            && p.path("year").asInt() == 2012)
                    .findFirst().orElseThrow();
            assertEquals(30, futianBio.path("value").asInt());
            assertEquals("亿元", futianBio.path("unitOfMeasure").asText());
            assertEquals(0, futianBio.path("revision").asInt());
        }
        given().auth().oauth2(TestTokens.reporter("futian")).when().get("/api/v1/plans/" + code).then()
                .statusCode(200).body("counts.tasks", equalTo(35));
    }

    @Test
    void givenAnAlreadyImportedDocument_whenImportedAgain_thenNothingChangesAndNoEventIsSent() {
        String code = SeedDocument.freshCode();
        String marker = SeedDocument.freshCode();
        try (EventProbe probe = EventProbe.fromNowOn(TargetsEvents.TOPIC)) {
            importAsOffice(SeedDocument.copy(code).toString()).statusCode(201);
            int firstImport = probe.awaitUntil(e -> completedImportOf(e, code), WAIT).size();

            importAsOffice(SeedDocument.copy(code).toString()).statusCode(200).body("created", equalTo(false));
            importAsOffice(SeedDocument.copy(marker).toString()).statusCode(201);
            List<JsonNode> events = probe.awaitUntil(e -> completedImportOf(e, marker), WAIT);
            assertTrue(events.subList(firstImport, events.size()).stream()
                    .noneMatch(e -> code.equals(e.path("plan").asText())), "a repeated import announces nothing");
        }
    }

    @Test
    void givenADocumentWithManyErrors_whenImported_thenEveryErrorIsNamedAndNothingIsWritten() {
        String code = SeedDocument.freshCode();
        ObjectNode doc = SeedDocument.copy(code);
        ArrayNode targets = (ArrayNode) doc.get("targets");
        ((ObjectNode) targets.get(0)).put("unit", "atlantis");
        ((ObjectNode) targets.get(1)).put("year", 2015);
        ((ObjectNode) targets.get(2)).put("value", -1);
        ((ObjectNode) targets.get(3)).put("kind", "RANGE");
        ((ObjectNode) doc.get("plan")).put("spanTo", 2009);
        ((ObjectNode) ((ArrayNode) doc.get("tasks")).get(0)).putArray("lead").add("nobody");
        ((ObjectNode) ((ArrayNode) doc.get("indicators")).get(0)).putArray("sumOf").add("scale.moon");

        assertProblem(importAsOffice(doc.toString()), 400, "targets[0].unit", "targets[2].value",
                "targets[3].maxValue", "plan.spanTo", "tasks[0].lead[0]", "indicators[0].sumOf[0]");
        assertProblem(given().auth().oauth2(TestTokens.office()).when().get("/api/v1/plans/" + code).then(), 404,
                "plan");
    }

    @Test
    void givenAPlanCodeInUse_whenAnotherDocumentIsImportedUnderIt_thenTheAnswerIs409() {
        String code = SeedDocument.importCopy();
        ObjectNode changed = SeedDocument.copy(code);
        ((ObjectNode) changed.get("plan")).put("title", "另一个方案");
        assertProblem(importAsOffice(changed.toString()), 409, "plan.code");
    }

    @Test
    void givenAUnitRedefinedByADocument_whenImported_thenTheAnswerIs400AndTheUnitIsUnchanged() {
        ObjectNode doc = SeedDocument.copy(SeedDocument.freshCode());
        ((ObjectNode) ((ArrayNode) doc.get("units")).get(1)).put("nameZh", "福田新区");
        assertProblem(importAsOffice(doc.toString()), 400, "units[1]");
        given().auth().oauth2(TestTokens.service()).when().get("/api/v1/units/futian").then()
                .statusCode(200).body("nameZh", equalTo("福田区"));
    }

    @Test
    void givenAnUnknownFieldOrAWrongType_whenImported_thenTheAnswerIs400NamingThePath() {
        ObjectNode unknown = SeedDocument.copy(SeedDocument.freshCode());
        ((ObjectNode) ((ArrayNode) unknown.get("targets")).get(5)).put("colour", "red");
        assertProblem(importAsOffice(unknown.toString()), 400, "targets[5].colour");

        ObjectNode wrongType = SeedDocument.copy(SeedDocument.freshCode());
        ((ObjectNode) ((ArrayNode) wrongType.get("targets")).get(5)).put("value", "seven hundred");
        assertProblem(importAsOffice(wrongType.toString()), 400, "targets[5].value");

        assertProblem(importAsOffice("{\"formatVersion\": 1, \"plan\": "), 400, "body");
        assertProblem(importAsOffice(""), 400, "body");
    }

    @Test
    void givenAReporter_whenItImportsAPlan_thenTheAnswerIs403() {
        assertProblem(given().auth().oauth2(TestTokens.reporter("futian")).contentType("application/json")
                .body(SeedDocument.copy(SeedDocument.freshCode()).toString()).when().post("/api/v1/plans").then(), 403);
    }
}
