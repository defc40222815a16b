package gov.workplan.assessment.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Report events are applied a polled batch at a time, and every guarantee of one-at-a-time consumption holds:
 * a batch redelivered whole (as after a crash between the database commit and the offset commit) changes
 * nothing, and an event that cannot be applied is parked alone while the rest of its batch is applied.
 */
@QuarkusTest
class BatchConsumptionTest {

    private static List<ObjectNode> quarter(String plan) {
        List<ObjectNode> reports = new ArrayList<>();
        for (AssessmentFixture.Row row : AssessmentFixture.Q2) {
            reports.add(AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED", row));
        }
        return reports;
    }

    @Test
    void givenABatchDeliveredAgainWhole_asAfterACrashBeforeItsOffsetsWereCommitted_thenNoEventCountsTwice() {
        String plan = AssessmentFixture.publishPlan();
        List<ObjectNode> reports = quarter(plan);
        AssessmentFixture.publishReports(plan, reports);
        AssessmentFixture.awaitRanking(plan, AssessmentFixture::isTheTable);
        double duplicates = Metrics.sum("workplan_events_consumed_total", "source=\"reporting-service\"",
                "outcome=\"duplicate\"");

        // the same eight events again, in order, plus one of them twice within the batch
        List<ObjectNode> again = new ArrayList<>(reports);
        again.add(reports.get(0));
        AssessmentFixture.publishReports(plan, again);
        assertEquals(9, Metrics.awaitSum(duplicates + 9, "workplan_events_consumed_total", "source=\"reporting-service\"",
                "outcome=\"duplicate\"") - duplicates, "each redelivered event is a duplicate");
        AssessmentFixture.awaitRanking(plan, AssessmentFixture::isTheTable);
    }

    @Test
    void givenAnEventThatBreaksTheContractInTheMiddleOfABatch_whenConsumed_thenOnlyItIsParked_andTheRestOfTheBatchIsApplied() {
        String plan = AssessmentFixture.publishPlan();
        List<ObjectNode> reports = quarter(plan);
        ObjectNode poison = EventFixtures.envelope("reporting-service", plan, "report.submitted",
                EventFixtures.JSON.createObjectNode().put("plan", plan).put("unit", "futian").put("period", "2011-Q2"));
        List<ObjectNode> batch = new ArrayList<>(reports.subList(0, 4));
        batch.add(poison);
        batch.addAll(reports.subList(4, 8));
        try (EventProbe dlq = EventProbe.fromNowOn("workplan.reporting.assessment-dlq")) {
            AssessmentFixture.publishReports(plan, batch);
            AssessmentFixture.awaitRanking(plan, AssessmentFixture::isTheTable);
            List<JsonNode> parked = dlq.awaitUntil(e -> poison.path("id").asText().equals(e.path("id").asText()),
                    Duration.ofSeconds(60));
            assertEquals(List.of(poison.path("id").asText()), parked.stream().map(e -> e.path("id").asText())
                    .filter(id -> batch.stream().anyMatch(b -> b.path("id").asText().equals(id))).toList(),
                    "the poison alone is parked");
        }
    }
}
