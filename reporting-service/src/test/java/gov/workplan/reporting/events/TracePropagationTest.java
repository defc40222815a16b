package gov.workplan.reporting.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.contracts.events.ReportingEvents;
import gov.workplan.reporting.Reporting;
import gov.workplan.reporting.TargetsFixture;
import gov.workplan.testkit.EventProbe;
import gov.workplan.testkit.RecordedSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The trace of a REST call goes with the change it makes: the submission's span is a child of the
 * caller's (W3C traceparent), its event is published in a child span of it, and the Kafka record carries
 * that span on (a traceparent header) for whoever consumes it.
 */
@QuarkusTest
class TracePropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void givenACallersTraceparent_whenAReportIsSubmitted_thenItsEventCarriesTheSameTraceToKafka() {
        String plan = TargetsFixture.publishPlan();
        String report = Reporting.draft("nanshan", plan, "2011-Q2", Reporting.NANSHAN_2011);
        String traceId = RecordedSpans.newTraceId();
        String traceparent = RecordedSpans.newTraceparent(traceId);
        String callerSpan = spanIdOf(traceparent);
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            String answered = Reporting.reporter("nanshan").header("traceparent", traceparent)
                    .when().post("/api/v1/reports/" + report + "/submit").then().statusCode(200)
                    .extract().header("traceresponse");
            assertTrue(answered.startsWith("00-" + traceId + "-"), "the answer names the caller's trace: " + answered);

            JsonNode event = submitted(probe, report);
            String carried = probe.header(event, "traceparent");
            assertEquals(traceId, traceIdOf(carried), "the record continues the caller's trace");

            SpanData server = RecordedSpans.await(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER,
                    WAIT);
            assertEquals(callerSpan, server.getParentSpanId());
            assertEquals("POST /api/v1/reports/{id}/submit", server.getName());
            assertEquals(answered, "00-" + traceId + "-" + server.getSpanId() + "-01");
            SpanData publish = RecordedSpans.await(s -> s.getTraceId().equals(traceId)
                    && s.getKind() == SpanKind.PRODUCER, WAIT);
            assertEquals(server.getSpanId(), publish.getParentSpanId(), "published in the submission's trace");
            assertEquals(publish.getSpanId(), spanIdOf(carried), "consumers continue from the publication");
            assertEquals("workplan.reporting publish", publish.getName());
        }
    }

    @Test
    void givenACallWithoutTraceparent_whenAReportIsSubmitted_thenANewTraceStartsAndTheEventCarriesIt() {
        String plan = TargetsFixture.publishPlan();
        String report = Reporting.draft("futian", plan, "2011-Q2", Reporting.futian(6));
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            String answered = Reporting.submit("futian", report).statusCode(200).extract().header("traceresponse");
            String traceId = traceIdOf(answered);

            String carried = probe.header(submitted(probe, report), "traceparent");
            assertEquals(traceId, traceIdOf(carried));
            SpanData server = RecordedSpans.await(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER,
                    WAIT);
            assertEquals("0000000000000000", server.getParentSpanId(), "a root span: the caller sent no trace");
        }
    }

    private static JsonNode submitted(EventProbe probe, String report) {
        List<JsonNode> events = probe.awaitUntil(e -> "report.submitted".equals(e.path("type").asText())
                && report.equals(e.path("payload").path("reportId").asText()), WAIT);
        return events.stream().filter(e -> "report.submitted".equals(e.path("type").asText())
                && report.equals(e.path("payload").path("reportId").asText())).findFirst().orElseThrow();
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

}
