package gov.workplan.assessment.api;

import static gov.workplan.testkit.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.AssessmentFixture.Row;
import gov.workplan.assessment.MutableClock;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * The seed's 2011 year end to end (年度考核): the eight districts report Q1–Q4; the statistics bureau records
 * the official year-end figures, two of which differ from what the units reported (futian's biotech beyond the
 * 5 % threshold, luohu's internet within it); the office judges every district (J1), fines baoan (P1, 4 points)
 * and vetoes nanshan (V1); the leading group approves; the districts are told; futian objects to its biotech
 * line and is upheld (the bureau corrects the figure, a new version is frozen, approved and notified), baoan
 * objects to its penalty and is rejected; the window closes; the result is published — and the published
 * grades, scores and ranks are the table below, computed by hand.
 *
 * <p>Default annual scheme: indicators 50, tasks 20, timeliness 10, judged 20; completion capped at 1.2; every
 * district has three 2011 targets (biotech, internet, new energy) and two lead tasks due in 2011 (3.1.1, 10.1);
 * grades 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, at most ⌊20 % × 8⌋ = 1 优秀. I = 100 × the average completion,
 * T = 100 or 0, M = 100 − 5 per late quarter, J = J1's points; score = 0.5 I + 0.2 T + 0.1 M + 0.2 J + bonus − penalty:
 *
 * <pre>
 * unit       Q4 own  official (differs)         I         T    M   J1  adj   score     band  grade  rank
 * luohu      110 %   internet 108 % (1.9 %)     109.3333  100  100  85       101.6667  优秀  优秀   1
 * futian     100 %   biotech 90 % → 98 % (申诉)   99.3333  100  100  90        97.6667  优秀  良好   2  (quota)
 * yantian     95 %                               95       100   95  80        93.0000  优秀  良好   3  (quota; Q1 late)
 * longgang    85 %                               85       100  100  75        87.5000  良好  良好   4
 * baoan       90 %                               90       100  100  80  −4    87.0000  良好  良好   5  (申诉 rejected)
 * pingshan    80 %                               80       100  100  75        85.0000  良好  良好   6
 * nanshan    120 %                              120       100  100  95  V1   109.0000  —     不合格 7  (一票否决)
 * guangming   70 %                               70         0  100  70        59.0000  —     不合格 8  (tasks not done)
 * </pre>
 * futian's contribution of I: 0.5 × 99.3333 = 49.66665 → 49.6667 (four decimals, half up); before the
 * correction its biotech completion was 0.9, I = 96.6667 and the score 96.3334.
 */
@QuarkusTest
class AnnualAssessmentTest {

    private static final Map<String, Integer> Q4_PERCENT = new LinkedHashMap<>();
    static {
        Q4_PERCENT.put("futian", 100);
        Q4_PERCENT.put("luohu", 110);
        Q4_PERCENT.put("nanshan", 120);
        Q4_PERCENT.put("yantian", 95);
        Q4_PERCENT.put("baoan", 90);
        Q4_PERCENT.put("longgang", 85);
        Q4_PERCENT.put("guangming", 70);
        Q4_PERCENT.put("pingshan", 80);
    }
    private static final Map<String, Integer> J1 = Map.of("futian", 90, "luohu", 85, "nanshan", 95, "yantian", 80, "baoan",
            80, "longgang", 75, "guangming", 70, "pingshan", 75);

    /** The hand table: unit → score, grade, rank. */
    private static final List<String> EXPECTED = List.of("luohu 101.6667 EXCELLENT 1", "futian 97.6667 GOOD 2",
            "yantian 93 GOOD 3", "longgang 87.5 GOOD 4", "baoan 87 GOOD 5", "pingshan 85 GOOD 6", "nanshan 109 FAIL 7",
            "guangming 59 FAIL 8");

    @Inject
    MutableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    @Test
    void givenTheSeeds2011_whenOfficialFiguresJudgementsAPenaltyAVetoAQuotaAndTwoObjectionsPlayOut_thenThePublishedGradesAreTheHandTable() {
        String plan = AssessmentFixture.publishPlan();
        reportTheYear(plan);
        awaitEveryQuarterApplied(plan);

        // Chief officials: futian's changed in September; the result names both.
        as(TestTokens.office()).body(Map.of("name", "王伟", "post", "区长", "from", "2009-06-01", "to", "2011-08-31"))
                .post("/api/v1/units/futian/chief-officials").then().statusCode(201);
        as(TestTokens.office()).body(Map.of("name", "李强", "post", "区长", "from", "2011-09-01"))
                .post("/api/v1/units/futian/chief-officials").then().statusCode(201);

        // The bureau's official figures: as reported, except futian's biotech (90 %) and luohu's internet (108 %).
        for (String unit : Q4_PERCENT.keySet()) {
            AssessmentFixture.targets2011(unit).forEach((indicator, target) -> {
                int percent = unit.equals("futian") && indicator.equals("scale.bio") ? 90
                        : unit.equals("luohu") && indicator.equals("scale.internet") ? 108 : Q4_PERCENT.get(unit);
                official(plan, unit, indicator, target, percent).then().statusCode(201);
            });
        }
        // The same figure again changes nothing.
        official(plan, "pingshan", "scale.bio", AssessmentFixture.targets2011("pingshan").get("scale.bio"), 80).then()
                .statusCode(200).body("version", org.hamcrest.Matchers.equalTo(1));

        JsonPath reconciliation = as(TestTokens.statistics()).queryParam("plan", plan).queryParam("year", 2011)
                .get("/api/v1/official-statistics/reconciliation").then().statusCode(200).extract().jsonPath();
        assertEquals(24, reconciliation.getInt("compared"));
        assertEquals(1, reconciliation.getInt("flagged"));
        assertEquals(List.of("futian"), reconciliation.getList("lines.findAll { it.flagged }.unit"));
        as(TestTokens.leader()).queryParam("plan", plan).queryParam("period", "2011-Q4").get("/api/v1/briefings").then()
                .statusCode(200).body(containsString("## Data quality (统计数据质量)"))
                .body(containsString("24 year-end figures compared with the official statistics; 1 beyond the threshold."));

        // The office's entries: J1 for every district, baoan's penalty, nanshan's veto.
        J1.forEach((unit, points) -> item(plan, unit, "J1", points, "年度工作评议", null).then().statusCode(201));
        item(plan, "baoan", "P1", 4, "二季度报送数据失实", "督查通报〔2011〕7号").then().statusCode(201);
        item(plan, "nanshan", "V1", null, "重大安全生产责任事故", "事故调查报告〔2011〕2号").then().statusCode(201);

        JsonPath live = as(TestTokens.leader()).queryParam("plan", plan).queryParam("year", 2011).queryParam("category",
                "DISTRICT").get("/api/v1/annual-assessments").then().statusCode(200).extract().jsonPath();
        assertEquals("96.3334", live.getString("[0].entries.find { it.unit == 'futian' }.score"),
                "before the objection: futian's biotech at the bureau's first figure, 90 %");

        // Freeze → approve (审定) → notify.
        String v1 = as(TestTokens.office()).body(Map.of("plan", plan, "year", 2011)).post("/api/v1/annual-results").then()
                .statusCode(201).body("version", org.hamcrest.Matchers.equalTo(1)).extract().path("id");
        assertProblem(as(TestTokens.reporter("futian")).get("/api/v1/annual-results/" + v1 + "/units/futian").then(), 403);
        as(TestTokens.leader()).post("/api/v1/annual-results/" + v1 + "/approve").then().statusCode(200);
        String closes = as(TestTokens.office()).post("/api/v1/annual-results/" + v1 + "/notify").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("NOTIFIED")).extract().path("objectionsCloseAt");

        // Each district reads its own result, and only its own.
        JsonPath futian = as(TestTokens.reporter("futian")).get("/api/v1/annual-results/" + v1 + "/units/futian").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("王伟", "李强"), futian.getList("result.chiefOfficials.name"));
        assertEquals("OFFICIAL", futian.getString("result.breakdown.indicators.find { it.indicator == 'scale.bio' }.source"));
        assertProblem(as(TestTokens.reporter("futian")).get("/api/v1/annual-results/" + v1 + "/units/baoan").then(), 403);

        // Objections: futian's biotech line, baoan's penalty; a line that is not the unit's, another unit's result.
        String upheld = object(v1, "futian", "futian", "indicator:scale.bio", "统计局核定数漏计了区属企业").then()
                .statusCode(201).extract().path("id");
        String rejected = object(v1, "baoan", "baoan", "penalty:P1", "数据已于三季度更正").then().statusCode(201).extract()
                .path("id");
        assertProblem(object(v1, "baoan", "baoan", "indicator:no-such", "x").then(), 400, "line");
        assertProblem(object(v1, "futian", "baoan", "penalty:P1", "x").then(), 403);
        assertProblem(as(TestTokens.office()).post("/api/v1/annual-results/" + v1 + "/publish").then(), 409)
                .body("detail", containsString("objection window is open"));

        as(TestTokens.office()).body(Map.of("reason", "督查通报所列问题属实，维持扣分")).post("/api/v1/objections/" + rejected
                + "/reject").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("REJECTED"));
        as(TestTokens.office()).body(Map.of("reason", "经核实，统计局已更正核定数")).post("/api/v1/objections/" + upheld
                + "/uphold").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UPHELD"));
        // The bureau's corrected figure (98 %); the window closes; v1 may not be published without the correction.
        official(plan, "futian", "scale.bio", AssessmentFixture.targets2011("futian").get("scale.bio"), 98).then()
                .statusCode(201).body("version", org.hamcrest.Matchers.equalTo(2));
        clock.set(Instant.parse(closes).plusSeconds(1));
        assertProblem(as(TestTokens.office()).post("/api/v1/annual-results/" + v1 + "/publish").then(), 409)
                .body("detail", containsString("was upheld after this version was frozen"));

        // A new version, frozen with the reason, approved, notified; the earlier one stays, superseded.
        assertProblem(as(TestTokens.office()).body(Map.of("plan", plan, "year", 2011)).post("/api/v1/annual-results").then(),
                400, "reason");
        String v2;
        try (EventProbe probe = EventProbe.fromNowOn("workplan.assessment")) {
            v2 = as(TestTokens.office()).body(Map.of("plan", plan, "year", 2011, "reason", "福田区申诉成立，更正生物产业核定数"))
                    .post("/api/v1/annual-results").then().statusCode(201).body("version", org.hamcrest.Matchers.equalTo(2))
                    .extract().path("id");
            as(TestTokens.leader()).post("/api/v1/annual-results/" + v2 + "/approve").then().statusCode(200);
            as(TestTokens.office()).post("/api/v1/annual-results/" + v2 + "/notify").then().statusCode(200)
                    .body("objectionsCloseAt", org.hamcrest.Matchers.equalTo(closes));
            as(TestTokens.office()).post("/api/v1/annual-results/" + v2 + "/publish").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
            List<JsonNode> events = probe.awaitUntil(EventProbe.ofType("annual-result.published"), Duration.ofSeconds(30));
            assertEquals(List.of("annual-result.frozen", "annual-result.approved", "annual-result.notified",
                    "annual-result.published"), events.stream().filter(e -> plan.equals(e.path("plan").asText()))
                            .map(e -> e.path("type").asText()).toList());
            JsonNode published = events.get(events.size() - 1).path("payload");
            JsonNode districts = null;
            for (JsonNode c : published.path("categories")) {
                districts = "DISTRICT".equals(c.path("category").asText()) ? c : districts;
            }
            assertEquals(EXPECTED, table(districts.path("entries")));
            assertEquals(v1, events.get(0).path("payload").path("supersedes").asText());
        }
        as(TestTokens.office()).get("/api/v1/annual-results/" + v1).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SUPERSEDED")).body("supersededBy", org.hamcrest.Matchers.equalTo(v2));

        // The public reads the year's grades: the hand table, futian's biotech marked as changed after its objection.
        JsonPath pub = given().queryParam("plan", plan).queryParam("year", 2011).get("/api/v1/public/rankings").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> annual = pub.getMap("find { it.kind == 'ANNUAL' }");
        List<Map<String, Object>> entries = pub.getList("find { it.kind == 'ANNUAL' }.annual.categories.find { it.category == 'DISTRICT' }.entries");
        List<String> table = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            table.add(e.get("unit") + " " + new BigDecimal(String.valueOf(e.get("score"))).stripTrailingZeros().toPlainString()
                    + " " + e.get("grade") + " " + e.get("rank"));
        }
        assertEquals(EXPECTED, table);
        assertEquals("2011", annual.get("period"));
        assertEquals(List.of("indicator:scale.bio"), pub.getList("find { it.kind == 'ANNUAL' }.annual.categories.find { it.category == 'DISTRICT' }.entries.find { it.unit == 'futian' }"
                        + ".changedAfterObjection"));
        assertEquals(List.of("王伟", "李强"), pub.getList("find { it.kind == 'ANNUAL' }.annual.categories.find { it.category == 'DISTRICT' }.entries"
                + ".find { it.unit == 'futian' }.chiefOfficials"));
        String page = given().queryParam("plan", plan).queryParam("year", 2011).get("/public/results").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("年度考核") && page.contains("优秀") && page.contains("不合格") && page.contains("李强")
                && page.contains("申诉后更正"), "the public page shows the annual grades");

        // Every objection and its ruling, and every step in the audit.
        JsonPath objections = as(TestTokens.leader()).get("/api/v1/annual-results/" + v2 + "/objections").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("UPHELD", "REJECTED"), objections.getList("status"));
        assertEquals(List.of("futian"), as(TestTokens.reporter("futian")).get("/api/v1/annual-results/" + v2
                + "/objections").then().statusCode(200).extract().jsonPath().getList("unit"));
        String audit = as(TestTokens.office()).queryParam("limit", 500).get("/api/v1/audit").then().statusCode(200).extract()
                .asString();
        for (String step : List.of("/annual-results/" + v2 + "/publish", "/annual-results/" + v2 + "/approve",
                "/objections/" + upheld + "/uphold", "/annual-results/" + v1 + "/objections")) {
            assertTrue(audit.contains(step), "audited: " + step);
        }
    }

    /** Q1–Q3 at 25/50/75 % of the Q4 share, Q4 at the table's; all on time but yantian's Q1; tasks done but guangming's. */
    private static void reportTheYear(String plan) {
        List<ObjectNode> events = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            for (Map.Entry<String, Integer> d : Q4_PERCENT.entrySet()) {
                String unit = d.getKey();
                boolean late = q == 1 && unit.equals("yantian");
                Row row = new Row(unit, d.getValue() * q / 4, !unit.equals("guangming"), late);
                events.add(AssessmentFixture.report(plan, "2011-Q" + q, "report.accepted", UUID.randomUUID(), 2, "ACCEPTED",
                        row));
            }
        }
        AssessmentFixture.publishReports(plan, events);
    }

    /** Until every district's annual breakdown has its four quarters' timeliness and its own Q4 figures. */
    private static void awaitEveryQuarterApplied(String plan) {
        await().atMost(Duration.ofSeconds(90)).until(() -> Q4_PERCENT.keySet().stream().allMatch(unit -> {
            var answer = as(TestTokens.office()).queryParam("plan", plan).queryParam("year", 2011)
                    .get("/api/v1/units/" + unit + "/annual-assessment").then().extract();
            return answer.statusCode() == 200 && answer.jsonPath().getList("timeliness").size() == 4
                    && !answer.jsonPath().getList("indicators.selfReported").contains(null);
        }));
    }

    private static io.restassured.response.Response official(String plan, String unit, String indicator, BigDecimal target,
            int percent) {
        return as(TestTokens.statistics()).body(Map.of("plan", plan, "year", 2011, "unit", unit, "indicator", indicator,
                "value", target.multiply(BigDecimal.valueOf(percent)).movePointLeft(2).stripTrailingZeros(),
                "source", "深圳统计年鉴2012", "sourceDate", "2012-03-15")).post("/api/v1/official-statistics");
    }

    private static io.restassured.response.Response item(String plan, String unit, String item, Integer points,
            String reason, String evidence) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("plan", plan, "year", 2011, "unit", unit, "item", item,
                "reason", reason));
        if (points != null) {
            body.put("points", points);
        }
        if (evidence != null) {
            body.put("evidence", evidence);
        }
        return as(TestTokens.office()).body(body).post("/api/v1/annual-items");
    }

    private static io.restassured.response.Response object(String result, String reporterUnit, String unit, String line,
            String reason) {
        return as(TestTokens.reporter(reporterUnit)).body(Map.of("unit", unit, "line", line, "reason", reason))
                .post("/api/v1/annual-results/" + result + "/objections");
    }

    private static List<String> table(JsonNode entries) {
        List<String> rows = new ArrayList<>();
        entries.forEach(e -> rows.add(e.path("unit").asText() + " " + e.path("score").decimalValue().stripTrailingZeros()
                .toPlainString() + " " + e.path("grade").asText() + " " + e.path("rank").asInt()));
        return rows;
    }
}
