package gov.workplan.targets.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A city's unit directory is data its office keeps: saved as versions (the earlier ones kept, with who and when),
 * checked whole (names within the limits every service stores, no name for two units), and what the plan reader
 * resolves names against.
 */
@QuarkusTest
class UnitDirectoryTest {

    private static ValidatableResponse put(String code, String body) {
        return given().auth().oauth2(TestTokens.office()).contentType("application/json").body(body).when()
                .put("/api/v1/unit-directories/" + code).then();
    }

    private static ObjectNode small() throws Exception {
        return (ObjectNode) PlanWorkbooks.JSON.readTree(PlanDrafts.smallDirectory());
    }

    @Test
    void givenTheShippedDirectory_whenRead_thenShenzhensUnitsGroupsAndIndustriesAreThere() {
        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/unit-directories/shenzhen").then().statusCode(200)
                .body("directory.units.size()", is(31)).body("directory.groups.name", hasItem("各区政府及新区管委会"))
                .body("directory.documentPrefixes.深府办", is("szfb"));
    }

    @Test
    void givenADirectorySavedTwice_whenItsVersionsAreRead_thenBothAreKeptWithWhoSavedThem() throws Exception {
        String code = "city-" + UUID.randomUUID().toString().substring(0, 8);
        put(code, PlanDrafts.smallDirectory()).statusCode(200).body("version", is(1)).body("code", is(code));
        put(code, PlanDrafts.smallDirectory()).statusCode(200).body("version", is(2));
        given().auth().oauth2(TestTokens.leader()).when().get("/api/v1/unit-directories/" + code + "/versions").then()
                .statusCode(200).body("version", org.hamcrest.Matchers.contains(1, 2))
                .body("savedBy.size()", is(2));
    }

    @Test
    void givenNamesAtTheirLimit_whenSaved_thenAccepted_andOneOverOrAmbiguous_thenRefusedNamingTheField() throws Exception {
        String code = "city-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode directory = small();
        ArrayNode units = (ArrayNode) directory.get("units");
        ((ObjectNode) units.get(1)).put("nameZh", "局".repeat(200));
        put(code, directory.toString()).statusCode(200);
        ((ObjectNode) units.get(1)).put("nameZh", "局".repeat(201));
        assertProblem(put(code, directory.toString()), 400, "units[1].nameZh");
        ((ObjectNode) units.get(1)).put("nameZh", "测试市");
        assertProblem(put(code, directory.toString()), 400, "units[1].nameZh");
        ((ObjectNode) units.get(1)).put("nameZh", "测试市某局").put("parent", "nowhere");
        ((ObjectNode) directory.get("groups").get(0)).putArray("members").add("nowhere");
        assertProblem(put(code, directory.toString()), 400, "units[1].parent", "groups[0]", "groups[0].members[0]");
        assertProblem(put("Not A Code", PlanDrafts.smallDirectory()), 400, "code");
    }

    @Test
    void givenAnotherCitysDirectory_whenItsDocumentIsDrafted_thenNamesResolveAgainstItsUnits() throws Exception {
        String code = "city-" + UUID.randomUUID().toString().substring(0, 8);
        put(code, PlanDrafts.smallDirectory()).statusCode(200);
        String text = """
                测府〔2014〕3号
                测试市人民政府关于印发测试市工作方案（2014―2015年）的通知
                　　现将《测试市工作方案（2014―2015年）》印发给你们。
                测试市人民政府
                二○一四年一月二日
                　　一、主要任务
                　　（一）推进工作。到2015年底前完成。（牵头单位：某局全称；配合单位：无名局）
                　　二、保障措施
                　　（一）报送。各单位每季度第一个月十日前向测试市某局报送进展。（牵头单位：市直各部门）
                """;
        given().auth().oauth2(TestTokens.office()).contentType("text/plain; charset=UTF-8").body(text)
                .queryParam("directory", code).when().post("/api/v1/plan-drafts").then().statusCode(200)
                .body("plan.plan.code", is("cf-2014-3")).body("plan.tasks[0].lead", org.hamcrest.Matchers.contains("access-dept"))
                .body("plan.tasks[1].lead", org.hamcrest.Matchers.contains("access-dept"))
                .body("plan.plan.reporting.recipientUnit", is("access-dept"))
                .body("review.problem", hasItem(org.hamcrest.Matchers.containsString("'无名局' is not in the unit directory")));
    }
}
