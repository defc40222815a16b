package gov.workplan.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The benchmark's figures as a Markdown table, the form README keeps them in. */
final class Table {

    private Table() {
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> report, Floor.Result floor, PrintStream out) {
        out.println();
        out.printf("Benchmark of %s on %s%n", report.get("date"), report.get("machine"));
        out.printf("Floor: Kafka produce→consume p50 %.2f ms, p99 %.2f ms; PostgreSQL commit p50 %.2f ms, p99 %.2f ms; "
                + "together p50 %.2f ms, p99 %.2f ms%n", floor.kafkaRoundTrip().p50(), floor.kafkaRoundTrip().p99(),
                floor.postgresCommit().p50(), floor.postgresCommit().p99(), floor.p50Millis(), floor.p99Millis());
        out.println();
        out.println("| units × indicators | import s | plan events applied s | submit/s, burst | submit p50/p99 ms, burst "
                + "| report→ranking p50/p99 ms, burst | submit p50/p99 ms, paced | report→ranking p50/p99 ms, paced "
                + "| paced p99 ÷ floor p99 | assessment CPU ms/event | reporting CPU ms/submit | start s (ready) t/r/a "
                + "| RSS MiB now (peak) t/r/a | lost / unexpected |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Map<String, Object> run : (List<Map<String, Object>>) report.get("runs")) {
            Map<String, Object> paced = (Map<String, Object>) run.get("paced");
            Map<String, Object> burst = (Map<String, Object>) run.get("burst");
            Map<String, Object> start = (Map<String, Object>) run.get("start");
            Map<String, Object> memory = (Map<String, Object>) run.get("memory");
            Map<String, Object> checker = (Map<String, Object>) run.get("checker");
            StringBuilder starts = new StringBuilder();
            StringBuilder rss = new StringBuilder();
            for (String s : List.of("targets-service", "reporting-service", "assessment-service")) {
                Map<String, Object> st = (Map<String, Object>) start.get(s);
                Map<String, Object> m = (Map<String, Object>) memory.get(s);
                starts.append(starts.length() > 0 ? " / " : "").append(String.format("%.1f (%.1f)",
                        st.get("quarkusStartedInSeconds"), st.get("readySeconds")));
                rss.append(rss.length() > 0 ? " / " : "").append(m.get("rssMiB")).append(" (").append(m.get("peakRssMiB"))
                        .append(")");
            }
            out.printf("| %d × %d | %.1f | %.1f | %.0f | %s | %s | %s | %s | %.1f | %.2f | %.2f | %s | %s | %s / %s |%n",
                    run.get("units"), run.get("indicators"), run.get("importSeconds"), run.get("planPropagationSeconds"),
                    burst.get("throughputPerSecond"), pair(burst.get("submitMs")), pair(burst.get("reportToRankingMs")),
                    pair(paced.get("submitMs")), pair(paced.get("reportToRankingMs")),
                    paced.get("reportToRankingP99OverFloor"), paced.get("assessmentCpuMsPerEvent"),
                    paced.get("reportingCpuMsPerSubmission"), starts, rss, checker.get("lost"), checker.get("unexpected"));
        }
        printStages((List<Map<String, Object>>) report.get("runs"), out);
    }

    /** With --traces: the paced phase's report → ranking, stage by stage (p50 / p99, ms). */
    @SuppressWarnings("unchecked")
    private static void printStages(List<Map<String, Object>> runs, PrintStream out) {
        if (runs.stream().noneMatch(r -> ((Map<String, Object>) r.get("paced")).containsKey("stages"))) {
            return;
        }
        out.println();
        out.println("Paced report → ranking, stage by stage, from the traces (p50 / p99 ms):");
        out.println();
        out.println("| units × indicators | traced | submit (reporting's server span) | committed → relay sends "
                + "| relay sends → assessment applies | assessment applies | applied → ranking streamed | report→ranking |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Map<String, Object> run : runs) {
            Map<String, Object> paced = (Map<String, Object>) run.get("paced");
            Map<String, Object> stages = (Map<String, Object>) paced.get("stages");
            if (stages == null) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format("| %d × %d | %s of %s |", run.get("units"),
                    run.get("indicators"), stages.get("traced"), paced.get("submissions")));
            for (String stage : TraceStages.NAMES) {
                row.append(' ').append(pair(stages.get(stage + "Ms"))).append(" |");
            }
            out.println(row.append(' ').append(pair(paced.get("reportToRankingMs"))).append(" |"));
        }
    }

    @SuppressWarnings("unchecked")
    private static String pair(Object figures) {
        Map<String, Object> f = (Map<String, Object>) figures;
        return String.format("%.1f / %.1f", f.get("p50"), f.get("p99"));
    }
}
