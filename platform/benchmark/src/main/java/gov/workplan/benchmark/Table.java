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
        out.println("| units × indicators | build | import s | plan events applied s | submit/s, burst | submit p50/p99 ms, burst "
                + "| report→ranking p50/p99 ms, burst | submit p50/p99 ms, paced | report→ranking p50/p99 ms, paced "
                + "| paced p99 ÷ floor p99 | assessment CPU ms/event | reporting CPU ms/submit "
                + "| SQL statements / round trips per report r/a | Kafka records per report produced/consumed "
                + "| start s (ready) t/r/a | RSS MiB now (peak) t/r/a | lost / unexpected |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
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
            Map<String, Object> counts = (Map<String, Object>) paced.get("perReport");
            out.printf("| %d × %d | %s | %.1f | %.1f | %.0f | %s | %s | %s | %s | %.1f | %.2f | %.2f | %s | %s | %s | %s | %s / %s |%n",
                    run.get("units"), run.get("indicators"), run.get("build") + " #" + run.get("round"), run.get("importSeconds"),
                    run.get("planPropagationSeconds"),
                    burst.get("throughputPerSecond"), pair(burst.get("submitMs")), pair(burst.get("reportToRankingMs")),
                    pair(paced.get("submitMs")), pair(paced.get("reportToRankingMs")),
                    paced.get("reportToRankingP99OverFloor"), paced.get("assessmentCpuMsPerEvent"),
                    paced.get("reportingCpuMsPerSubmission"),
                    String.format("%.1f / %.1f, %.1f / %.1f", counts.get("reportingStatements"), counts.get("reportingRoundTrips"),
                            counts.get("assessmentStatements"), counts.get("assessmentRoundTrips")),
                    String.format("%.2f / %.2f", counts.get("kafkaRecordsProduced"), counts.get("kafkaRecordsConsumed")),
                    starts, rss, checker.get("lost"), checker.get("unexpected"));
        }
        printCpu((List<Map<String, Object>>) report.get("runs"), out);
        printRatios((List<Map<String, Object>>) report.get("runs"), out);
        printStages((List<Map<String, Object>>) report.get("runs"), out);
    }

    /**
     * Where the paced phase's CPU went, as percent of the machine's cores: when the machine was busy throughout, the
     * goals met its limit there, and the shares say whose work filled it.
     */
    @SuppressWarnings("unchecked")
    private static void printCpu(List<Map<String, Object>> runs, PrintStream out) {
        out.println();
        out.println("Paced phase, CPU as % of all cores (machine busy; then each part):");
        out.println();
        for (Map<String, Object> run : runs) {
            Map<String, Object> cpu = (Map<String, Object>) ((Map<String, Object>) run.get("paced")).get("cpuPercentOfCores");
            if (cpu == null) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("- %s × %s, %s #%s: machine %.0f %% busy —", run.get("units"),
                    run.get("indicators"), run.get("build"), run.get("round"), num(cpu.get("machineBusyPercent"))));
            cpu.forEach((name, share) -> {
                if (!name.equals("machineBusyPercent")) {
                    line.append(String.format(" %s %.0f %%,", name, num(share)));
                }
            });
            out.println(line.substring(0, line.length() - 1));
        }
    }

    /** A figure of a run, by its path in the run's figures. */
    interface Figure {
        double of(Map<String, Object> run);
    }

    /**
     * With two builds (benchmark --against): each figure's mean over the rounds of each build, and new ÷ old, per size.
     * Below 1 is less (better for times, CPU, statements, memory; worse for throughput).
     */
    @SuppressWarnings("unchecked")
    private static void printRatios(List<Map<String, Object>> runs, PrintStream out) {
        List<String> builds = runs.stream().map(r -> (String) r.get("build")).distinct().toList();
        if (builds.size() < 2) {
            return;
        }
        String now = builds.get(0);
        String then = builds.get(1);
        Map<String, Figure> figures = new java.util.LinkedHashMap<>();
        figures.put("submit/s, burst", r -> num(path(r, "burst", "throughputPerSecond")));
        figures.put("submit p99 ms, paced", r -> num(path(r, "paced", "submitMs", "p99")));
        figures.put("report→ranking p50 ms, paced", r -> num(path(r, "paced", "reportToRankingMs", "p50")));
        figures.put("report→ranking p99 ms, paced", r -> num(path(r, "paced", "reportToRankingMs", "p99")));
        figures.put("report→ranking p99 ms, burst", r -> num(path(r, "burst", "reportToRankingMs", "p99")));
        figures.put("the quarter's first report→ranking ms", r -> num(path(r, "paced", "firstReportToRankingMs")));
        figures.put("reporting CPU ms/submit", r -> num(path(r, "paced", "reportingCpuMsPerSubmission")));
        figures.put("assessment CPU ms/event", r -> num(path(r, "paced", "assessmentCpuMsPerEvent")));
        figures.put("reporting SQL statements/report", r -> num(path(r, "paced", "perReport", "reportingStatements")));
        figures.put("reporting round trips/report", r -> num(path(r, "paced", "perReport", "reportingRoundTrips")));
        figures.put("assessment SQL statements/report", r -> num(path(r, "paced", "perReport", "assessmentStatements")));
        figures.put("assessment round trips/report", r -> num(path(r, "paced", "perReport", "assessmentRoundTrips")));
        figures.put("Kafka records produced/report", r -> num(path(r, "paced", "perReport", "kafkaRecordsProduced")));
        figures.put("Kafka records consumed/report", r -> num(path(r, "paced", "perReport", "kafkaRecordsConsumed")));
        figures.put("import s", r -> num(r.get("importSeconds")));
        for (String s : List.of("targets-service", "reporting-service", "assessment-service")) {
            String shortName = s.substring(0, 1);
            figures.put("ready s " + shortName, r -> num(path(r, "start", s, "readySeconds")));
            figures.put("RSS MiB " + shortName, r -> num(path(r, "memory", s, "rssMiB")));
        }
        out.println();
        out.printf("%s against %s — mean of each build's rounds, and %s ÷ %s:%n%n", now, then, now, then);
        for (String size : runs.stream().map(r -> r.get("units") + " × " + r.get("indicators")).distinct().toList()) {
            out.println("| " + size + " | " + now + " | " + then + " | ratio |");
            out.println("|---|---|---|---|");
            figures.forEach((name, f) -> {
                double a = mean(runs, size, now, f);
                double b = mean(runs, size, then, f);
                out.printf("| %s | %.2f | %.2f | %s |%n", name, a, b, b == 0 ? "–" : String.format("%.2f", a / b));
            });
            out.println();
        }
    }

    private static double mean(List<Map<String, Object>> runs, String size, String build, Figure f) {
        return runs.stream().filter(r -> build.equals(r.get("build")) && size.equals(r.get("units") + " × " + r.get("indicators")))
                .mapToDouble(f::of).average().orElse(Double.NaN);
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> run, String... keys) {
        Object at = run;
        for (String k : keys) {
            at = at instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(k) : null;
        }
        return at;
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
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
