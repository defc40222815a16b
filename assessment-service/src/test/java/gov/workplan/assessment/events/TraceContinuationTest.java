package gov.workplan.assessment.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.assessment.AssessmentFixture;
import gov.workplan.assessment.AssessmentFixture.Row;
import gov.workplan.testkit.EventFixtures;
import gov.workplan.testkit.RecordedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A report event carries the trace of the submission that caused it (a W3C traceparent Kafka header);
 * applying it here continues that trace, so one trace id spans reporting's REST call and this consumer.
 */
@QuarkusTest
class TraceContinuationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void givenAReportEventWithATraceparent_whenConsumed_thenItIsAppliedInAChildSpanOfThePublisher() {
        String plan = AssessmentFixture.publishPlan();
        String traceId = RecordedSpans.newTraceId();
        String traceparent = RecordedSpans.newTraceparent(traceId);
        String publisherSpan = traceparent.split("-")[2];
        ObjectNode report = AssessmentFixture.report(plan, "report.submitted", UUID.randomUUID(), 1, "SUBMITTED",
                new Row("futian", 60, true, false));

        EventFixtures.publish("workplan.reporting", plan, List.of(report),
                Map.of("traceparent", traceparent, "event-id", report.path("id").asText()));

        SpanData consumed = RecordedSpans.await(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER,
                WAIT);
        assertEquals(publisherSpan, consumed.getParentSpanId());
        assertEquals("workplan.reporting process", consumed.getName());
        assertEquals(report.path("id").asText(), consumed.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
        assertEquals(StatusCode.UNSET, consumed.getStatus().getStatusCode());
        AssessmentFixture.awaitRanking(plan, r -> r.getList("[0].entries.unit", String.class).contains("futian"));
    }

    @Test
    void givenAnEventThatCannotBeApplied_whenConsumed_thenItsSpanInTheCallersTraceRecordsTheFailure() {
        String plan = AssessmentFixture.publishPlan();
        String traceId = RecordedSpans.newTraceId();
        ObjectNode poison = EventFixtures.envelope("reporting-service", plan, "report.submitted",
                EventFixtures.JSON.createObjectNode().put("plan", plan).put("unit", "futian").put("period", "later"));

        EventFixtures.publish("workplan.reporting", plan, List.of(poison),
                Map.of("traceparent", RecordedSpans.newTraceparent(traceId)));

        SpanData failed = RecordedSpans.await(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER
                && s.getStatus().getStatusCode() == StatusCode.ERROR, WAIT);
        assertFalse(failed.getEvents().isEmpty(), "the exception is recorded on the span");
    }

}
