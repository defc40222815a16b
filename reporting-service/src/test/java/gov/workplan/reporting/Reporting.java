package gov.workplan.reporting;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.testkit.TestTokens;

/** The calls the reporting tests make, as a unit's information officer and as the office. */
public final class Reporting {

    /** A complete 2011 report of futian in the fixture plan. */
    public static final String FUTIAN_2011 = """
            {"indicators": [{"indicator": "scale.bio", "value": %s},
                            {"indicator": "bio.innovative-drugs", "value": 1}],
             "tasks": [{"task": "2.1", "progress": "IN_PROGRESS", "note": "配合推进"},
                       {"task": "3.1.1", "progress": "DONE", "evidenceUrl": "https://www.szft.gov.cn/base-plan"}]}""";

    /** A complete 2011 report of nanshan in the fixture plan. */
    public static final String NANSHAN_2011 = """
            {"indicators": [{"indicator": "scale.bio", "value": 120}],
             "tasks": [{"task": "3.1.1", "progress": "IN_PROGRESS"}]}""";

    private Reporting() {
    }

    public static String futian(Object scaleBio) {
        return FUTIAN_2011.formatted(scaleBio);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    public static RequestSpecification office() {
        return as(TestTokens.office());
    }

    public static RequestSpecification reporter(String unit) {
        return as(TestTokens.reporter(unit));
    }

    public static ValidatableResponse create(String unit, String plan, String period, String content) {
        return reporter(unit).body("{\"plan\": \"" + plan + "\", \"period\": \"" + period + "\", \"unit\": \"" + unit
                + "\", \"content\": " + content + "}").when().post("/api/v1/reports").then();
    }

    public static String draft(String unit, String plan, String period, String content) {
        return create(unit, plan, period, content).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse submit(String unit, String id) {
        return reporter(unit).when().post("/api/v1/reports/" + id + "/submit").then();
    }

    public static ValidatableResponse accept(String id) {
        return office().when().post("/api/v1/reports/" + id + "/accept").then();
    }

    public static ValidatableResponse returnIt(String id, String reason) {
        return office().body("{\"reason\": \"" + reason + "\"}").when().post("/api/v1/reports/" + id + "/return").then();
    }

    public static ValidatableResponse edit(String unit, String id, String content) {
        return reporter(unit).body("{\"content\": " + content + "}").when().put("/api/v1/reports/" + id).then();
    }

    public static ValidatableResponse correct(String unit, String id, String content, String reason) {
        return reporter(unit).body("{\"content\": " + content + ", \"reason\": \"" + reason + "\"}")
                .when().post("/api/v1/reports/" + id + "/corrections").then();
    }

    /** The unit's Excel report template for the period, as the office downloads it. */
    public static byte[] template(String plan, String period, String unit) {
        return given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", period)
                .queryParam("unit", unit).when().get("/api/v1/report-workbooks/template").then().statusCode(200)
                .extract().asByteArray();
    }

    /** Uploads a filled template as the unit's information officer. */
    public static ValidatableResponse upload(String unit, byte[] workbook) {
        return given().auth().oauth2(TestTokens.reporter(unit)).contentType(Xlsx.MEDIA_TYPE).queryParam("unit", unit)
                .body(workbook).when().post("/api/v1/report-workbooks").then();
    }

    /** An accepted report of the unit for the period. */
    public static String accepted(String unit, String plan, String period, String content) {
        String id = draft(unit, plan, period, content);
        submit(unit, id).statusCode(200);
        accept(id).statusCode(200);
        return id;
    }
}
