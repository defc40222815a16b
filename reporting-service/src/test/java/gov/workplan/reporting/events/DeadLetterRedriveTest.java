package gov.workplan.reporting.events;

import static gov.workplan.reporting.Reporting.office;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.contracts.ContractLimits;
import gov.workplan.reporting.TargetsFixture;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.Metrics;
import gov.workplan.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A parked event comes back: an indicator whose name is wider than reporting's column (as it was before
 * V6 widened it) is parked with the target that needs it; the column is widened, as a migration would;
 * the office re-drives the dead-letter topic, and reporting's copy of the plan has the indicator and its
 * target. Re-driving again changes nothing: the inbox knows both events.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String DLQ = "workplan.targets.reporting-dlq";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Test
    void givenEventsParkedByANarrowColumn_whenTheColumnIsWidenedAndTheTopicReDriven_thenTheCopyConverges_andOnlyOnce()
            throws Exception {
        String plan = TargetsFixture.publishPlan();
        String longName = "生物医药产业重点企业主营业务收入".repeat(16).substring(0, 250);
        ObjectNode indicator = TargetsFixture.event(plan, "indicator.defined",
                TargetsFixture.indicator(plan, "bio.long-name", longName, "亿元"));
        ObjectNode target = TargetsFixture.event(plan, "target.set",
                TargetsFixture.target(plan, "futian", "bio.long-name", 2011, "5", 0));
        sql("alter table indicator alter column name_zh type varchar(200)");
        try (EventProbe dlq = EventProbe.fromNowOn(DLQ)) {
            TargetsFixture.publish(plan, List.of(indicator, target));
            dlq.awaitUntil(e -> target.path("id").asText().equals(e.path("id").asText()), Duration.ofSeconds(60));
        } finally {
            sql("alter table indicator alter column name_zh type varchar(300)"); // the migration
        }
        office().when().get("/api/v1/dead-letters").then().statusCode(200)
                .body("findAll { it.eventId == '" + indicator.path("id").asText() + "' }.appliedSince", hasItem(false))
                .body("findAll { it.eventId == '" + indicator.path("id").asText() + "' }.reason[0]",
                        org.hamcrest.Matchers.notNullValue());

        JsonPath first = office().queryParam("topic", DLQ).when().post("/api/v1/dead-letters/redrive").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(first.getInt("applied") >= 2, "both parked events applied: " + first.prettify());
        office().queryParam("plan", plan).queryParam("unit", "futian").when().get("/api/v1/periods/2011-Q2/expected")
                .then().statusCode(200).body("[0].indicators.find { it.indicator == 'bio.long-name' }.nameZh",
                        org.hamcrest.Matchers.equalTo(longName));

        JsonPath again = office().queryParam("topic", DLQ).when().post("/api/v1/dead-letters/redrive").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("applied"), "a second re-drive applies nothing: " + again.prettify());
        office().when().get("/api/v1/dead-letters").then().statusCode(200)
                .body("findAll { it.eventId == '" + target.path("id").asText() + "' }.appliedSince", hasItem(true));
    }

    /**
     * A payload outside the contract (an indicator name longer than any owner accepts) is not cut to fit a
     * column or applied in part: it is parked with the field named and counted as a contract breach, and the
     * event behind it is applied.
     */
    @Test
    void givenAPayloadBeyondTheContractsLimit_whenConsumed_thenItIsParkedWithTheFieldNamed_andTheNextIsApplied() {
        String plan = TargetsFixture.publishPlan();
        ObjectNode tooLong = TargetsFixture.event(plan, "indicator.defined", TargetsFixture.indicator(plan, "bio.too-long",
                "名".repeat(ContractLimits.INDICATOR_NAME + 1), "亿元"));
        // (A short name: the other test narrows the column, which a 300-character row would forbid.)
        ObjectNode next = TargetsFixture.event(plan, "indicator.defined",
                TargetsFixture.indicator(plan, "bio.next", "生物医药企业", "亿元"));
        ObjectNode target = TargetsFixture.event(plan, "target.set",
                TargetsFixture.target(plan, "futian", "bio.next", 2011, "5", 0));
        double before = Metrics.sum("workplan_events_parked_total", "topic=\"workplan.targets\"", "reason=\"contract\"");
        try (EventProbe dlq = EventProbe.fromNowOn(DLQ)) {
            TargetsFixture.publish(plan, List.of(tooLong, next, target));
            dlq.awaitUntil(e -> tooLong.path("id").asText().equals(e.path("id").asText()), Duration.ofSeconds(60));
        }
        office().when().get("/api/v1/dead-letters").then().statusCode(200)
                .body("find { it.eventId == '" + tooLong.path("id").asText() + "' }.reason",
                        org.hamcrest.Matchers.containsString("payload.nameZh"));
        assertEquals(1, Metrics.sum("workplan_events_parked_total", "topic=\"workplan.targets\"", "reason=\"contract\"")
                - before, "counted as a breach of the contract");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String expected = "";
        while (System.nanoTime() < deadline && !expected.contains("bio.next")) {
            expected = office().queryParam("plan", plan).queryParam("unit", "futian").when()
                    .get("/api/v1/periods/2011-Q2/expected").then().statusCode(200).extract().asString();
        }
        assertTrue(expected.contains("bio.next"), "the event behind the parked one is applied: " + expected);
        assertTrue(!expected.contains("bio.too-long"), "the parked indicator is not in the copy");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
