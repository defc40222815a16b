package gov.workplan.assessment;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.TestTokens;
import io.restassured.path.json.JsonPath;

/**
 * The hand-computed fixture of the assessment tests: the seed plan (深府办〔2010〕98号, read from
 * targets-service's seed file and published under a fresh plan code exactly as targets-service
 * publishes a plan), and 2011-Q2 reports of the eight districts published as reporting-service does.
 *
 * <p>In 2011 each district has three targets (biotech, internet and new-energy scale, 亿元) and, by the
 * end of Q2, two tasks it leads that are due: 3.1.1 (base plans, 2011-03-31) and 10.1 (2010-12-31).
 * Each district reports the same fraction f of all three targets, and both tasks DONE or neither. At
 * Q2 (time progress 50%) with the default scheme (indicators 60, tasks 25, timeliness 15; progress
 * capped at 1.2; a late report costs 5 timeliness points): indicator points = 100 × min(2f, 1.2),
 * task points = 100 or 0, timeliness = 100 on time or 95 late, score = (60 I + 25 T + 15 M) / 100:
 *
 * <pre>
 * unit       f    tasks    timely  I    T    M    score   rank
 * futian     60%  done     on time 120  100  100  112.00  1
 * pingshan   55%  done     on time 110  100  100  106.00  2
 * baoan      50%  done     on time 100  100  100  100.00  3   (tie: baoan before luohu by code)
 * luohu      50%  done     on time 100  100  100  100.00  3
 * yantian    45%  done     late     90  100   95   93.25  5
 * nanshan    70%  not done on time 120    0  100   87.00  6   (140% progress counts as the cap, 120)
 * longgang   30%  done     on time  60  100  100   76.00  7
 * guangming  40%  not done on time  80    0  100   63.00  8
 * </pre>
 */
public final class AssessmentFixture {

    /** The Q2 ranking the table above gives, and its scores. */
    public static final List<String> EXPECTED_ORDER = List.of("futian", "pingshan", "baoan", "luohu", "yantian",
            "nanshan", "longgang", "guangming");
    public static final List<Float> EXPECTED_SCORES = List.of(112f, 106f, 100f, 100f, 93.25f, 87f, 76f, 63f);

    /** A district's Q2 report: {@code percent} of each 2011 target reached, both due tasks done or not. */
    public record Row(String unit, int percent, boolean taskDone, boolean late) {
    }

    private static final Path SEED = Path.of("../targets-service/src/main/resources/seed/szfb-2010-98.plan.json");
    private static final List<String> DUE_BY_Q2 = List.of("3.1.1", "10.1");
    private static final JsonNode SEED_PLAN = readSeed();

    private static JsonNode readSeed() {
        try {
            return EventFixtures.JSON.readTree(Files.readString(SEED));
        } catch (IOException e) {
            throw new UncheckedIOException("the seed plan of targets-service is read from " + SEED.toAbsolutePath(), e);
        }
    }

    public static final List<Row> Q2 = List.of(
            new Row("futian", 60, true, false), new Row("luohu", 50, true, false),
            new Row("nanshan", 70, false, false), new Row("yantian", 45, true, true),
            new Row("baoan", 50, true, false), new Row("longgang", 30, true, false),
            new Row("guangming", 40, false, false), new Row("pingshan", 55, true, false));

    private AssessmentFixture() {
    }

    /** Publishes the seed plan under a fresh code, as targets-service announces an import. */
    public static String publishPlan() {
        String plan = "as-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode header = SEED_PLAN.path("plan");
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode registered = EventFixtures.JSON.createObjectNode().put("code", plan)
                .put("title", header.path("title").asText()).put("titleEn", header.path("titleEn").asText())
                .put("spanFrom", header.path("spanFrom").asInt()).put("spanTo", header.path("spanTo").asInt())
                .put("topUnit", header.path("topUnit").asText()).put("officeUnit", header.path("officeUnit").asText());
        registered.set("industries", SEED_PLAN.path("industries").deepCopy());
        registered.set("reporting", header.path("reporting").deepCopy());
        registered.set("counts", EventFixtures.counts(SEED_PLAN.path("units").size(), SEED_PLAN.path("indicators").size(),
                SEED_PLAN.path("targets").size(), SEED_PLAN.path("tasks").size()));
        events.add(targets(plan, "plan.registered", registered));
        for (JsonNode u : SEED_PLAN.path("units")) {
            events.add(targets(plan, "unit.registered", ((ObjectNode) u.deepCopy())));
        }
        for (JsonNode i : SEED_PLAN.path("indicators")) {
            events.add(targets(plan, "indicator.defined", ((ObjectNode) i.deepCopy()).put("plan", plan)));
        }
        Map<String, String> unitOfMeasure = new LinkedHashMap<>();
        SEED_PLAN.path("indicators").forEach(i -> unitOfMeasure.put(i.path("code").asText(), i.path("unitOfMeasure").asText()));
        for (JsonNode t : SEED_PLAN.path("targets")) {
            ObjectNode target = ((ObjectNode) t.deepCopy()).put("plan", plan).put("revision", 0)
                    .put("unitOfMeasure", unitOfMeasure.get(t.path("indicator").asText()));
            target.putObject("baseline").put("kind", t.path("kind").asText()).set("value", t.path("value"));
            events.add(targets(plan, "target.set", target));
        }
        for (JsonNode t : SEED_PLAN.path("tasks")) {
            ObjectNode task = EventFixtures.JSON.createObjectNode().put("plan", plan).put("code", t.path("code").asText())
                    .put("title", t.path("title").asText(null)).put("description", t.path("description").asText(null))
                    .put("section", t.path("section").asInt()).put("deadline", t.path("deadline").asText(null));
            ArrayNode responsible = task.putArray("responsible");
            t.path("lead").forEach(u -> responsible.addObject().put("unit", u.asText()).put("role", "LEAD"));
            t.path("coResponsible").forEach(u -> responsible.addObject().put("unit", u.asText()).put("role", "CO"));
            events.add(targets(plan, "task.defined", task));
        }
        events.add(targets(plan, "plan.import-completed", EventFixtures.importCompleted(plan, SEED_PLAN.path("units").size(),
                SEED_PLAN.path("indicators").size(), SEED_PLAN.path("targets").size(), SEED_PLAN.path("tasks").size())));
        EventFixtures.publish("workplan.targets", plan, events);
        return plan;
    }

    /** The unit's 2011 targets in the seed: indicator code → value. */
    public static Map<String, BigDecimal> targets2011(String unit) {
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        for (JsonNode t : SEED_PLAN.path("targets")) {
            if (unit.equals(t.path("unit").asText()) && t.path("year").asInt() == 2011) {
                targets.put(t.path("indicator").asText(), t.path("value").decimalValue());
            }
        }
        return targets;
    }

    /** A report event as reporting-service publishes it. */
    public static ObjectNode report(String plan, String type, UUID reportId, int version, String status, Row row) {
        return report(plan, "2011-Q2", type, reportId, version, status, row);
    }

    public static ObjectNode report(String plan, String period, String type, UUID reportId, int version, String status,
            Row row) {
        ObjectNode p = EventFixtures.JSON.createObjectNode();
        p.put("reportId", reportId.toString()).put("plan", plan).put("period", period).put("year", 2011)
                .put("quarter", Integer.parseInt(period.substring(6))).put("unit", row.unit()).put("unitCategory", "DISTRICT").put("status", status)
                .put("version", version);
        ObjectNode content = p.putObject("content");
        ArrayNode indicators = content.putArray("indicators");
        BigDecimal fraction = BigDecimal.valueOf(row.percent()).movePointLeft(2);
        targets2011(row.unit()).forEach((indicator, target) -> indicators.addObject().put("indicator", indicator)
                .put("value", target.multiply(fraction).stripTrailingZeros()));
        ArrayNode tasks = content.putArray("tasks");
        DUE_BY_Q2.forEach(task -> tasks.addObject().put("task", task).put("progress", row.taskDone() ? "DONE" : "IN_PROGRESS"));
        p.putArray("warnings");
        p.put("actor", "reporter-" + row.unit()).put("at", "2011-07-08T02:00:00Z")
                .put("firstSubmittedAt", row.late() ? "2011-07-11T02:00:00Z" : "2011-07-08T02:00:00Z")
                .put("timeliness", row.late() ? "LATE" : "ON_TIME").put("lateBySeconds", row.late() ? 36000 : 0)
                .put("dueDate", "2011-07-10").put("deadline", "2011-07-10T16:00:00Z").put("imported", false);
        return EventFixtures.envelope("reporting-service", plan, type, p);
    }

    public static void publishReports(String plan, List<ObjectNode> events) {
        EventFixtures.publish("workplan.reporting", plan, events);
    }

    /** Polls the provisional district ranking of 2011-Q2 until it satisfies the check. */
    public static JsonPath awaitRanking(String plan, Predicate<JsonPath> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            var answer = given().auth().oauth2(TestTokens.office()).queryParam("plan", plan).queryParam("period", "2011-Q2")
                    .queryParam("category", "DISTRICT").when().get("/api/v1/rankings").then().extract();
            if (answer.statusCode() == 200) {
                last = answer.jsonPath();
                if (ready(ready, last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("ranking of " + plan + " did not become as expected; last: "
                + (last == null ? "none" : last.prettify()));
    }

    /** A ranking that is not there yet (no entries at all) is simply not ready. */
    private static boolean ready(Predicate<JsonPath> check, JsonPath ranking) {
        try {
            return check.test(ranking);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Until every district's report is applied, the ranking is not yet the table's. */
    public static boolean isTheTable(JsonPath ranking) {
        return EXPECTED_ORDER.equals(ranking.getList("[0].entries.unit", String.class))
                && EXPECTED_SCORES.equals(ranking.getList("[0].entries.score", Float.class));
    }

    private static ObjectNode targets(String plan, String type, ObjectNode payload) {
        return EventFixtures.envelope("targets-service", plan, type, payload);
    }

}
