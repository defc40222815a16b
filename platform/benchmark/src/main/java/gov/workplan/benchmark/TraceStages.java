package gov.workplan.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.workplan.benchmark.ServiceLog.ExportedSpan;

/**
 * Where a report's way to the ranking spends its time, read from the spans the services exported
 * ({@code --traces}): each traced submission's server span in reporting-service, the relay's producer
 * span that published its report event, and assessment-service's consumer span that applied it.
 * After the server span the stages follow each other up to the moment the ranking stream announced
 * the unit's new place, so they add up to report → ranking, give or take the client's share of the
 * HTTP answer (the benchmark measures that from the 2xx it received).
 */
final class TraceStages {

    static final List<String> NAMES = List.of("submitServerSpan", "committedToRelaySending", "relaySendingToAssessmentApplying",
            "assessmentApplying", "appliedToRankingStreamed");

    private final Map<String, Latencies> stages = new LinkedHashMap<>();
    private int traced;

    TraceStages() {
        NAMES.forEach(n -> stages.put(n, new Latencies()));
    }

    /**
     * One submission: its trace, and when the ranking stream announced the unit's new place (wall clock,
     * epoch nanoseconds, the clock the spans are stamped with). False if its spans are not all there.
     */
    boolean add(List<ExportedSpan> reportingSpans, List<ExportedSpan> assessmentSpans, long rankingStreamedEpochNanos) {
        Optional<ExportedSpan> server = reportingSpans.stream()
                .filter(s -> s.kind() == ExportedSpan.SERVER && s.name().endsWith("/submit")).findFirst();
        for (ExportedSpan applied : assessmentSpans) {
            if (applied.kind() != ExportedSpan.CONSUMER || server.isEmpty()) {
                continue;
            }
            Optional<ExportedSpan> published = reportingSpans.stream().filter(s -> s.kind() == ExportedSpan.PRODUCER
                    && s.spanId().equals(applied.parentSpanId())).findFirst();
            if (published.isPresent()) {
                long committed = server.get().endNanos();
                stages.get("submitServerSpan").add(server.get().endNanos() - server.get().startNanos());
                stages.get("committedToRelaySending").add(published.get().startNanos() - committed);
                stages.get("relaySendingToAssessmentApplying").add(applied.startNanos() - published.get().startNanos());
                stages.get("assessmentApplying").add(applied.endNanos() - applied.startNanos());
                stages.get("appliedToRankingStreamed").add(rankingStreamedEpochNanos - applied.endNanos());
                traced++;
                return true;
            }
        }
        return false;
    }

    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("traced", traced);
        stages.forEach((name, l) -> f.put(name + "Ms", Benchmark.percentiles(l)));
        return f;
    }
}
