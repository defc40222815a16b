package gov.workplan.reporting;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.UUID;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.TestTokens;

/**
 * A small plan published on workplan.targets exactly as targets-service publishes one (the event
 * contract in targets-service/README.md), under a fresh plan code per call:
 *
 * <pre>
 * units      shenzhen (CITY), futian and nanshan (DISTRICT), development-reform (DEPARTMENT)
 * indicators scale.bio (亿元), bio.innovative-drugs (个)
 * targets    2011: shenzhen scale.bio 700, futian 20, nanshan 350; futian bio.innovative-drugs 2
 *            2012: futian scale.bio 30
 * tasks      2.1  lead development-reform, co futian
 *            3.1.1 lead futian, co nanshan, due 2011-03-31
 * rule       quarterly, day 10 of the next quarter's first month, Asia/Shanghai; span 2010–2012
 * </pre>
 */
public final class TargetsFixture {

    private static final ObjectMapper JSON = EventFixtures.JSON;

    private TargetsFixture() {
    }

    /** Publishes a fresh plan and waits until reporting-service has applied all of it. */
    public static String publishPlan() {
        return publishPlan(java.time.Instant.now());
    }

    /** The same plan, registered by targets-service at {@code loadedAt}: when "this system" began watching it. */
    public static String publishPlan(java.time.Instant loadedAt) {
        String plan = "rp-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode registered = event(plan, "plan.registered", planPayload(plan));
        registered.put("occurredAt", loadedAt.toString());
        publish(plan, List.of(
                registered,
                event(plan, "unit.registered", unit("shenzhen", "深圳市", "CITY", null)),
                event(plan, "unit.registered", unit("futian", "福田区", "DISTRICT", "shenzhen")),
                event(plan, "unit.registered", unit("nanshan", "南山区", "DISTRICT", "shenzhen")),
                event(plan, "unit.registered", unit("development-reform", "市发展改革委", "DEPARTMENT", null)),
                event(plan, "indicator.defined", indicator(plan, "scale.bio", "生物产业规模", "亿元")),
                event(plan, "indicator.defined", indicator(plan, "bio.innovative-drugs", "创新药物", "个")),
                event(plan, "target.set", target(plan, "shenzhen", "scale.bio", 2011, "700", 0)),
                event(plan, "target.set", target(plan, "futian", "scale.bio", 2011, "20", 0)),
                event(plan, "target.set", target(plan, "nanshan", "scale.bio", 2011, "350", 0)),
                event(plan, "target.set", target(plan, "futian", "bio.innovative-drugs", 2011, "2", 0)),
                event(plan, "target.set", target(plan, "futian", "scale.bio", 2012, "30", 0)),
                event(plan, "task.defined", task(plan, "2.1", null, "development-reform", "futian")),
                event(plan, "task.defined", task(plan, "3.1.1", "2011-03-31", "futian", "nanshan")),
                event(plan, "plan.import-completed", EventFixtures.importCompleted(plan, 5, 2, 5, 2))));
        awaitPlan(plan);
        return plan;
    }

    public static ObjectNode event(String plan, String type, ObjectNode payload) {
        return EventFixtures.envelope("targets-service", plan, type, payload);
    }

    public static void publish(String plan, List<ObjectNode> events) {
        EventFixtures.publish("workplan.targets", plan, events);
    }

    public static ObjectNode target(String plan, String unit, String indicator, int year, String value, int revision) {
        ObjectNode t = JSON.createObjectNode().put("plan", plan).put("unit", unit).put("indicator", indicator)
                .put("year", year).put("kind", "AT_LEAST").put("value", new java.math.BigDecimal(value))
                .putNull("maxValue").put("unitOfMeasure", "亿元").put("revision", revision).put("source", "TABLE");
        t.putObject("baseline").put("kind", "AT_LEAST").put("value", new java.math.BigDecimal(value)).putNull("maxValue");
        return t;
    }

    private static ObjectNode planPayload(String plan) {
        ObjectNode p = JSON.createObjectNode().put("code", plan).put("title", "测试方案 " + plan).put("spanFrom", 2010)
                .put("spanTo", 2012).put("topUnit", "shenzhen").put("officeUnit", "leading-group-office");
        p.putObject("reporting").put("frequency", "QUARTERLY").put("dueMonthOfNextQuarter", 1).put("dueDayOfMonth", 10)
                .put("zone", "Asia/Shanghai").put("recipientUnit", "leading-group-office");
        p.putArray("industries").addObject().put("code", "bio").put("nameZh", "生物").put("nameEn", "Biotech");
        p.set("counts", EventFixtures.counts(5, 2, 5, 2));
        return p;
    }

    private static ObjectNode unit(String code, String nameZh, String category, String parent) {
        return JSON.createObjectNode().put("code", code).put("nameZh", nameZh).put("nameEn", code).put("category", category)
                .put("parent", parent);
    }

    public static ObjectNode indicator(String plan, String code, String nameZh, String unitOfMeasure) {
        return JSON.createObjectNode().put("plan", plan).put("code", code).put("nameZh", nameZh).put("nameEn", code)
                .put("industry", "bio").put("unitOfMeasure", unitOfMeasure);
    }

    private static ObjectNode task(String plan, String code, String deadline, String lead, String co) {
        ObjectNode t = JSON.createObjectNode().put("plan", plan).put("code", code).put("title", "任务 " + code)
                .put("section", Integer.parseInt(code.split("\\.")[0])).put("deadline", deadline);
        ArrayNode responsible = t.putArray("responsible");
        responsible.addObject().put("unit", lead).put("role", "LEAD");
        responsible.addObject().put("unit", co).put("role", "CO");
        return t;
    }

    /** The last task names nanshan: once nanshan owes task 3.1.1, every earlier event of the plan is applied. */
    private static void awaitPlan(String plan) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var answer = given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("unit", "nanshan")
                    .when().get("/api/v1/periods/2011-Q2/expected").then().extract();
            if (answer.statusCode() == 200 && answer.asString().contains("\"3.1.1\"")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("reporting-service did not apply plan " + plan + " within 60 s");
    }
}
