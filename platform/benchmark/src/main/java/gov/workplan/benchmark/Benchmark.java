package gov.workplan.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.kafka.KafkaBrokerProcess;
import gov.workplan.testkit.RecordedSpans;
import gov.workplan.testkit.TestDatabase;
import gov.workplan.testkit.TestTokens;

/**
 * The suite under load, as ops would run it: a fresh broker, fresh databases and the three services
 * from their jars (prod profile) for each size of synthetic plan; the plan imported; one quarter's
 * reports submitted at a fixed rate (2011-Q2), the next quarter's as fast as the clients can (2011-Q3).
 * It prints a table and writes every figure as JSON. Run by {@code platform/bin/benchmark}.
 */
public final class Benchmark {

    private static final Duration WAIT = Duration.ofMinutes(15);
    /**
     * As docker/Dockerfile runs the services inside their Kubernetes memory limit (512Mi): the JVM is told
     * the memory it has, so the heap starts small and grows up to 75 % of it. See README, Benchmark.
     */
    private static final String DEFAULT_SERVICE_JVM =
            "-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A build whose services are measured: this repository, or a worktree of another commit. */
    record Build(String label, Path root) {
    }

    record Options(List<Integer> units, List<Integer> indicators, int rate, int concurrency, int warmUpUnits,
            List<String> serviceJvm, String targetsHeap, boolean traces, Path out, List<Build> builds, int rounds) {

        static Options parse(String[] args) {
            List<Integer> units = List.of(8, 300, 3000);
            List<Integer> indicators = List.of(10, 50);
            int rate = 100;
            int concurrency = 32;
            int warmUpUnits = 200;
            String targetsHeap = null; // as the other services, unless a plan document needs more
            List<String> serviceJvm = List.of(DEFAULT_SERVICE_JVM.split(" "));
            boolean traces = false;
            Path out = null;
            List<Build> builds = new ArrayList<>();
            Integer rounds = null;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--traces")) {
                    traces = true;
                    continue;
                }
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--units" -> units = ints(value);
                    case "--indicators" -> indicators = ints(value);
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--warm-up-units" -> warmUpUnits = Integer.parseInt(value);
                    case "--targets-heap" -> targetsHeap = value;
                    case "--service-jvm" -> serviceJvm = List.of(value.trim().split("\\s+"));
                    case "--out" -> out = Path.of(value);
                    case "--build" -> builds.add(new Build(value.substring(0, value.indexOf('=')),
                            Path.of(value.substring(value.indexOf('=') + 1))));
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --units 8,300,3000 --indicators 10,50 --rate 100 --concurrency 32 --warm-up-units 200 --targets-heap 1g "
                            + "--service-jvm '" + DEFAULT_SERVICE_JVM + "' --traces --out FILE --rounds N "
                            + "--build LABEL=PATH (given by platform/bin/benchmark --against REV)");
                }
                i++;
            }
            if (out == null) {
                out = ServiceProcess.ROOT.resolve(".run/benchmark/benchmark-" + Instant.now().toString().replace(':', '-')
                        + ".json");
            }
            if (builds.isEmpty()) {
                builds.add(new Build("current", ServiceProcess.ROOT));
            }
            // A pair is compared on at least two runs of each build, alternating, so a drift of the machine's speed
            // during the invocation falls on both.
            int r = rounds != null ? rounds : builds.size() > 1 ? 2 : 1;
            return new Options(units, indicators, rate, concurrency, warmUpUnits, serviceJvm, targetsHeap, traces, out,
                    List.copyOf(builds), r);
        }

        private static List<Integer> ints(String csv) {
            return java.util.Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
        }
    }

    private final Options options;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Benchmark(Options options) throws Exception {
        this.options = options;
        this.work = Files.createTempDirectory("workplan-benchmark-");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Benchmark benchmark = new Benchmark(options);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version"), "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        report.put("options", Map.of("units", options.units(), "indicators", options.indicators(), "rate", options.rate(),
                "concurrency", options.concurrency(), "warmUpUnits", options.warmUpUnits(), "serviceJvm",
                options.serviceJvm(), "targetsHeap", Objects.requireNonNullElse(options.targetsHeap(), "as the others"),
                "traces", options.traces(), "builds", options.builds().stream().map(b -> b.label() + "=" + b.root()).toList(),
                "rounds", options.rounds()));

        say("measuring the floor: a bare Kafka produce→consume round trip and a bare PostgreSQL commit");
        Floor.Result floor = benchmark.floor();
        report.put("floor", Map.of("kafkaRoundTripMs", percentiles(floor.kafkaRoundTrip()), "postgresCommitMs",
                percentiles(floor.postgresCommit()), "p50Ms", floor.p50Millis(), "p99Ms", floor.p99Millis()));

        List<Map<String, Object>> runs = new ArrayList<>();
        report.put("runs", runs);
        for (int n : options.units()) {
            for (int m : options.indicators()) {
                for (int round = 1; round <= options.rounds(); round++) {
                    // A B, then B A: each build runs first once, so neither always meets a fresher machine.
                    List<Build> order = new ArrayList<>(options.builds());
                    if (round % 2 == 0) {
                        java.util.Collections.reverse(order);
                    }
                    for (Build build : order) {
                        say("--- " + n + " units × " + m + " indicators, build " + build.label() + ", round " + round + " ---");
                        Map<String, Object> figures = benchmark.run(n, m, floor, build, round);
                        runs.add(figures);
                        Files.createDirectories(options.out().getParent());
                        Files.write(options.out(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
                    }
                }
            }
        }
        Table.print(report, floor, System.out);
        System.out.println();
        System.out.println("Every figure: " + options.out());
    }

    private Floor.Result floor() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.onFreePorts(work.resolve("kafka-floor"))) {
            broker.start();
            return Floor.measure(broker.bootstrapServers(), "bench_floor");
        }
    }

    private Map<String, Object> run(int units, int indicators, Floor.Result floor, Build build, int round) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("units", units);
        figures.put("indicators", indicators);
        figures.put("build", build.label());
        figures.put("round", round);
        Path dir = Files.createDirectories(work.resolve(units + "x" + indicators + "-" + build.label() + "-" + round));
        KafkaBrokerProcess broker = KafkaBrokerProcess.onFreePorts(dir.resolve("kafka"));
        broker.start();
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        Map<String, PostgresWire> wires = new LinkedHashMap<>();
        List<TcpProxy> proxies = new ArrayList<>();
        try {
            Map<String, String> common = ServiceProcess.suiteEnvironment(broker.bootstrapServers());
            common.put("SEED_ENABLED", "false");
            // Reporting's watch opens 2011-Q2's window (the clock starts after it ended) within seconds, not a minute.
            common.put("REPORTING_OVERDUE_EVERY", "5s");
            // A national plan document is larger than the default 10 MB request limit.
            common.put("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", "256M");
            if (options.traces()) {
                // Spans as OTLP/JSON log lines, read back after the paced phase; writing them costs CPU.
                common.put("OTEL_TRACES_EXPORTER", "logging-otlp");
                common.put("OTEL_BSP_SCHEDULE_DELAY", "200");
                common.put("OTEL_BSP_MAX_QUEUE_SIZE", "200000");
            }
            Map<String, Object> start = new LinkedHashMap<>();
            for (String name : List.of("targets-service", "reporting-service", "assessment-service")) {
                Map<String, String> env = new LinkedHashMap<>(common);
                // Through a proxy that counts the statements and round trips the service sends: a count, unlike a
                // time, does not vary with the machine's mood. Unencrypted, so the proxy can read the protocol.
                URI database = URI.create(TestDatabase.fresh("bench_" + name.substring(0, name.indexOf('-'))).substring(5));
                PostgresWire wire = new PostgresWire();
                TcpProxy proxy = TcpProxy.to(database.getHost(), database.getPort(), wire);
                proxies.add(proxy);
                wires.put(name, wire);
                env.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getPath() + "?sslmode=disable");
                List<String> jvm = new ArrayList<>(options.serviceJvm());
                if (name.equals("targets-service") && options.targetsHeap() != null) {
                    // A plan is imported in one transaction, document and all: its size sets this heap.
                    jvm.add("-Xmx" + options.targetsHeap());
                }
                ServiceProcess service = new ServiceProcess(name, env, dir, jvm, build.root());
                long t = System.nanoTime();
                service.start();
                service.awaitReady(Duration.ofMinutes(3));
                start.put(name, Map.of("readySeconds", seconds(System.nanoTime() - t), "quarkusStartedInSeconds",
                        service.startedInSeconds()));
                services.put(name, service);
            }
            figures.put("start", start);
            String targets = services.get("targets-service").url();
            String reporting = services.get("reporting-service").url();
            String assessment = services.get("assessment-service").url();

            // The JIT compiles what runs often: a first plan's quarter runs through every path once, so the
            // figures below are those of services that have been up for a while, not of their first minute.
            SyntheticPlan warmUp = new SyntheticPlan(JSON, "warmup", options.warmUpUnits(), indicators);
            say("warming up: " + options.warmUpUnits() + " units × " + indicators + " indicators, one quarter");
            importPlan(targets, warmUp);
            Map<String, String> warmUpTokens = tokens(warmUp);
            awaitOpened(warmUp.code(), "2011-Q2");
            try (RankingFollower follower = new RankingFollower(http, assessment, warmUp.code(), TestTokens.leader(), JSON)) {
                ServiceProcess.sleep(500);
                Phase phase = submit(reporting, drafts(reporting, warmUp, warmUpTokens, "2011-Q2", 0.45), warmUpTokens, 0,
                        options.concurrency());
                rankingLatencies(follower, "2011-Q2", phase);
            }

            SyntheticPlan plan = new SyntheticPlan(JSON, "bench", units, indicators);
            Map<String, Double> computationsBefore = periodComputations(services.get("assessment-service"));
            figures.putAll(importPlan(targets, plan));
            if (awaitOpened(plan.code(), "2011-Q2")) {
                // Where it was computed: when the window opened, or — when the opening overtook the plan's last events
                // in assessment — when the plan's import completed; either way before any report.
                Map<String, Double> after = periodComputations(services.get("assessment-service"));
                Map<String, Double> computations = new LinkedHashMap<>();
                after.forEach((k, v) -> computations.put(k, v - computationsBefore.getOrDefault(k, 0.0)));
                figures.put("periodComputationBeforeFirstReport", computations);
            }

            Map<String, String> tokens = tokens(plan);
            Map<String, String> q2 = drafts(reporting, plan, tokens, "2011-Q2", 0.45);
            Map<String, String> q3 = drafts(reporting, plan, tokens, "2011-Q3", 0.7);

            try (RankingFollower follower = new RankingFollower(http, assessment, plan.code(), TestTokens.leader(), JSON)) {
                ServiceProcess.sleep(500); // the stream's subscription is in place once its headers came back
                ServiceProcess reportingProcess = services.get("reporting-service");
                ServiceProcess assessmentProcess = services.get("assessment-service");

                say("2011-Q2: " + units + " submissions at " + options.rate() + "/s");
                long reportingCpu = reportingProcess.cpuMillis();
                long assessmentCpu = assessmentProcess.cpuMillis();
                Counts before = Counts.of(wires, broker);
                Map<String, Long> pids = new LinkedHashMap<>();
                services.forEach((name, process) -> pids.put(name, process.pid()));
                pids.put("kafka broker", broker.pid());
                MachineCpu cpuBefore = MachineCpu.now(pids);
                Phase paced = submit(reporting, q2, tokens, options.rate(), 0);
                Latencies pacedRanking = rankingLatencies(follower, "2011-Q2", paced);
                Map<String, Object> pacedFigures = paced.figures(pacedRanking, floor);
                pacedFigures.put("cpuPercentOfCores", MachineCpu.now(pids).since(cpuBefore));
                // The quarter's first report: with a build that computes the whole period when its window opens, a
                // report like the others; with one before it (an A/B pair against an older commit), that report
                // computes the period for every unit, every category, and waits for it.
                String first = paced.answeredAt.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
                pacedFigures.put("firstReportToRankingMs",
                        Math.max(0, follower.seen("2011-Q2", first) - paced.answeredAt.get(first)) / 1e6);
                pacedFigures.put("perReport", Counts.of(wires, broker).since(before, units));
                pacedFigures.put("reportingCpuMsPerSubmission",
                        (double) (reportingProcess.cpuMillis() - reportingCpu) / units);
                pacedFigures.put("assessmentCpuMsPerEvent", (double) (assessmentProcess.cpuMillis() - assessmentCpu) / units);
                if (options.traces()) {
                    pacedFigures.put("stages", stages(reportingProcess, assessmentProcess, follower, "2011-Q2", paced));
                }
                figures.put("paced", pacedFigures);

                say("2011-Q3: " + units + " submissions, as fast as " + options.concurrency() + " clients go");
                Phase burst = submit(reporting, q3, tokens, 0, options.concurrency());
                figures.put("burst", burst.figures(rankingLatencies(follower, "2011-Q3", burst), floor));
            }

            figures.put("checker", checker());
            Map<String, Object> memory = new LinkedHashMap<>();
            services.forEach((name, s) -> memory.put(name, Map.of("rssMiB", s.rssMiB(), "peakRssMiB", s.peakRssMiB())));
            figures.put("memory", memory);
            return figures;
        } finally {
            services.values().forEach(ServiceProcess::close);
            broker.kill();
            proxies.forEach(TcpProxy::close);
        }
    }

    /**
     * What the suite did, as counts: statements and round trips each service sent PostgreSQL, records on the
     * suite's topics and records its consumer groups have passed. Taken before and after a phase.
     */
    record Counts(Map<String, long[]> database, long produced, long consumed) {

        /**
         * The counts once the consumer groups have committed what they applied (offsets are committed a few seconds
         * after the work, or up to 20 s of waiting): the records produced on the suite's topics, and those its groups
         * have passed.
         */
        static Counts of(Map<String, PostgresWire> wires, KafkaBrokerProcess broker) throws Exception {
            // The statements now, at the phase's end: waiting for the offsets would add the relays' idle polls to them.
            Map<String, long[]> database = new LinkedHashMap<>();
            wires.forEach((name, w) -> database.put(name, new long[] { w.statements(), w.roundTrips() }));
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    broker.clientConfig())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (true) {
                    List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("workplan."))
                            .toList();
                    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                            new java.util.HashMap<>();
                    admin.describeTopics(topics).allTopicNames().get().forEach((t, d) -> d.partitions().forEach(p -> latest
                            .put(new org.apache.kafka.common.TopicPartition(t, p.partition()),
                                    org.apache.kafka.clients.admin.OffsetSpec.latest())));
                    Map<org.apache.kafka.common.TopicPartition, Long> ends = new java.util.HashMap<>();
                    admin.listOffsets(latest).all().get().forEach((tp, o) -> ends.put(tp, o.offset()));
                    long consumed = 0;
                    long lag = 0;
                    for (String group : List.of("reporting-service", "assessment-service")) {
                        for (var e : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
                            if (e.getValue() != null) {
                                consumed += e.getValue().offset();
                                lag += ends.getOrDefault(e.getKey(), e.getValue().offset()) - e.getValue().offset();
                            }
                        }
                    }
                    if (lag == 0 || System.nanoTime() > deadline) {
                        return new Counts(database, ends.values().stream().mapToLong(Long::longValue).sum(), consumed);
                    }
                    ServiceProcess.sleep(250);
                }
            }
        }

        /** Per report of a phase of {@code reports}, since {@code before}. */
        Map<String, Object> since(Counts before, int reports) {
            Map<String, Object> per = new LinkedHashMap<>();
            database.forEach((name, now) -> {
                long[] then = before.database().get(name);
                per.put(name.substring(0, name.indexOf('-')) + "Statements", (double) (now[0] - then[0]) / reports);
                per.put(name.substring(0, name.indexOf('-')) + "RoundTrips", (double) (now[1] - then[1]) / reports);
            });
            per.put("kafkaRecordsProduced", (double) (produced - before.produced()) / reports);
            per.put("kafkaRecordsConsumed", (double) (consumed - before.consumed()) / reports);
            return per;
        }
    }

    /** Imports the plan and waits until reporting and assessment applied every event of it. */
    private Map<String, Object> importPlan(String targets, SyntheticPlan plan) throws Exception {
        long eventsBefore = count("bench_targets", "select count(*) from outbox_event");
        long t = System.nanoTime();
        byte[] document = JSON.writeValueAsBytes(plan.document());
        say("importing " + plan.code() + " (" + document.length / 1024 + " KiB, " + plan.units().size() * plan.indicatorCount()
                + " targets)");
        HttpResponse<String> imported = http.send(post(targets + "/api/v1/plans", TestTokens.office(), document)
                .timeout(Duration.ofMinutes(15)).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("import answered " + imported.statusCode() + ": " + imported.body());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("importSeconds", seconds(System.nanoTime() - t));
        t = System.nanoTime();
        long events = count("bench_targets", "select count(*) from outbox_event");
        String applied = "select count(*) from processed_event where source = 'targets-service'";
        await(() -> count("bench_reporting", applied) == events && count("bench_assessment", applied) == events,
                "the plan's events to be applied");
        figures.put("planEvents", events - eventsBefore);
        figures.put("planPropagationSeconds", seconds(System.nanoTime() - t));
        say("plan applied by reporting and assessment: " + (events - eventsBefore) + " events");
        // Our machines run PostgreSQL with autovacuum off (conf.d/90-ci.conf, for the tests); a production database
        // analyzes a freshly loaded table within a minute. Without statistics the planner read a unit's task
        // responsibilities through the wrong index: 20 ms of a submit at 3,000 units. Analyzed as autovacuum would.
        for (String database : List.of("bench_targets", "bench_reporting", "bench_assessment")) {
            execute(database, "analyze");
        }
        return figures;
    }

    /**
     * Waits until assessment has computed the period, when reporting's watch opens its window (every 5 s here; the
     * benchmark's clock starts after 2011-Q2 ended): a government's units report days after the window opens, not
     * the second it does. False if reporting did not open it within 30 s — a build from before period.opened.
     */
    private static boolean awaitOpened(String plan, String period) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String announced = "select count(*) from outbox_event where event_type = 'period.opened' and plan_code = '" + plan
                + "' and envelope like '%\"" + period + "\"%'";
        while (count("bench_reporting", announced) == 0) {
            if (System.nanoTime() > deadline) {
                say(plan + ": " + period + " was not opened (a build from before period.opened): its first report computes it");
                return false;
            }
            ServiceProcess.sleep(100);
        }
        await(() -> count("bench_assessment", "select count(*) from period_deadline where plan_code = '" + plan
                + "' and period_code = '" + period + "' and opened_at is not null") == 1, plan + "'s " + period + " to be opened");
        say(plan + ": " + period + " opened and computed for every unit");
        return true;
    }

    /**
     * assessment's whole-period computations so far, from its management port: {@code seconds} and {@code count} in all,
     * and the seconds by what triggered them (opening, report, rebuild).
     */
    private Map<String, Double> periodComputations(ServiceProcess assessment) throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(assessment.managementUrl() + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Double> figures = new LinkedHashMap<>();
        Pattern sample = Pattern.compile(
                "workplan_period_computation_seconds_(sum|count)\\{.*trigger=\"([a-z]+)\".*} (\\S+)");
        for (String line : metrics.body().split("\n")) {
            Matcher m = sample.matcher(line);
            if (m.matches()) {
                double value = Double.parseDouble(m.group(3));
                figures.merge(m.group(1).equals("sum") ? "seconds" : "count", value, Double::sum);
                if (m.group(1).equals("sum")) {
                    figures.merge(m.group(2) + "Seconds", value, Double::sum);
                }
            }
        }
        return figures;
    }

    /** A reporter token per unit, signed before the clock starts: signing is the client's cost, not the suite's. */
    private static Map<String, String> tokens(SyntheticPlan plan) {
        Map<String, String> tokens = new LinkedHashMap<>();
        plan.units().forEach(u -> tokens.put(u, TestTokens.reporter(u)));
        return tokens;
    }

    /** Creates every unit's draft for the period, 16 at a time; returns report id by unit. */
    private Map<String, String> drafts(String reporting, SyntheticPlan plan, Map<String, String> tokens, String period,
            double share) throws Exception {
        say("creating " + plan.units().size() + " drafts for " + period);
        Map<String, String> ids = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (String unit : plan.units()) {
            ObjectNode body = JSON.createObjectNode().put("plan", plan.code()).put("period", period).put("unit", unit);
            body.set("content", plan.content(JSON, unit, share));
            inFlight.acquire();
            all.add(http.sendAsync(post(reporting + "/api/v1/reports", tokens.get(unit), JSON.writeValueAsBytes(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> inFlight.release()).thenAccept(r -> {
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("draft of " + unit + ": " + r.statusCode() + " " + r.body());
                        }
                        try {
                            ids.put(unit, JSON.readTree(r.body()).get("id").asText());
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(15, TimeUnit.MINUTES);
        return ids;
    }

    /** Submissions of one phase: when each was sent and answered, and how many failed. */
    static final class Phase {
        final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        /** Each submission starts a trace of its own, as a portal's call would. */
        final Map<String, String> traceIds = new ConcurrentHashMap<>();
        final Latencies submit = new Latencies();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastAnswered = new AtomicLong();

        Map<String, Object> figures(Latencies ranking, Floor.Result floor) {
            Map<String, Object> f = new LinkedHashMap<>();
            double seconds = (lastAnswered.get() - firstSent.get()) / 1e9;
            f.put("submissions", submit.count());
            f.put("failed", failed.get());
            f.put("throughputPerSecond", submit.count() / seconds);
            f.put("submitMs", percentiles(submit));
            f.put("reportToRankingMs", percentiles(ranking));
            f.put("reportToRankingP50OverFloor", ranking.p50() / floor.p50Millis());
            f.put("reportToRankingP99OverFloor", ranking.p99() / floor.p99Millis());
            return f;
        }
    }

    /**
     * Submits every draft: at {@code rate} per second when rate > 0, else with {@code concurrency}
     * requests in flight and no pause.
     */
    private Phase submit(String reporting, Map<String, String> drafts, Map<String, String> tokens, int rate, int concurrency)
            throws Exception {
        Phase phase = new Phase();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        Semaphore inFlight = new Semaphore(Math.max(concurrency, 1));
        List<CompletableFuture<?>> all = new ArrayList<>();
        long begin = System.nanoTime();
        int i = 0;
        for (Map.Entry<String, String> draft : drafts.entrySet()) {
            String traceId = RecordedSpans.newTraceId();
            phase.traceIds.put(draft.getKey(), traceId);
            HttpRequest request = post(reporting + "/api/v1/reports/" + draft.getValue() + "/submit",
                    tokens.get(draft.getKey()), new byte[0]).header("Idempotency-Key", "bench-" + draft.getValue())
                    .header("traceparent", RecordedSpans.newTraceparent(traceId)).build();
            CompletableFuture<Void> done = new CompletableFuture<>();
            all.add(done);
            Runnable send = () -> {
                long sent = System.nanoTime();
                phase.firstSent.accumulateAndGet(sent, Math::min);
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                    long answered = System.nanoTime();
                    if (rate == 0) {
                        inFlight.release();
                    }
                    if (e == null && r.statusCode() == 200) {
                        phase.submit.add(answered - sent);
                        phase.answeredAt.put(draft.getKey(), answered);
                        phase.lastAnswered.accumulateAndGet(answered, Math::max);
                    } else {
                        phase.failed.incrementAndGet();
                        say("submit of " + draft.getKey() + " failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                    }
                    done.complete(null);
                });
            };
            if (rate > 0) {
                long due = begin + (long) (i++ * 1e9 / rate);
                pacer.schedule(send, due - System.nanoTime(), TimeUnit.NANOSECONDS);
            } else {
                inFlight.acquire();
                send.run();
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(15, TimeUnit.MINUTES);
        pacer.shutdown();
        return phase;
    }

    /** From each submission's 2xx until the ranking stream announced the unit's new place. */
    private static Latencies rankingLatencies(RankingFollower follower, String period, Phase phase) {
        await(() -> phase.answeredAt.keySet().stream().allMatch(u -> follower.seen(period, u) != null),
                "the ranking to reflect every " + period + " report");
        Latencies latencies = new Latencies();
        phase.answeredAt.forEach((unit, answered) -> latencies.add(Math.max(0, follower.seen(period, unit) - answered)));
        return latencies;
    }

    /**
     * The paced phase's report → ranking, stage by stage, from the spans of each submission's trace (the
     * benchmark is the caller that starts each trace). Spans are exported in batches: read until every
     * submission's are there, or 30 s.
     */
    private static Map<String, Object> stages(ServiceProcess reporting, ServiceProcess assessment, RankingFollower follower,
            String period, Phase phase) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ServiceProcess.sleep(1000);
            Map<String, List<ServiceLog.ExportedSpan>> reportingSpans = new ServiceLog(reporting.log()).spansByTrace();
            Map<String, List<ServiceLog.ExportedSpan>> assessmentSpans = new ServiceLog(assessment.log()).spansByTrace();
            TraceStages stages = new TraceStages();
            int missing = 0;
            for (String unit : phase.answeredAt.keySet()) {
                String traceId = phase.traceIds.get(unit);
                if (!stages.add(reportingSpans.getOrDefault(traceId, List.of()), assessmentSpans.getOrDefault(traceId, List.of()),
                        follower.seenEpochNanos(period, unit))) {
                    missing++;
                }
            }
            if (missing == 0 || System.nanoTime() > deadline) {
                Map<String, Object> figures = stages.figures();
                figures.put("untraced", missing);
                return figures;
            }
        }
    }

    /** Every report event reporting-service committed was applied by assessment-service: see {@link DeliveryChecker}. */
    private static Map<String, Object> checker() {
        DeliveryChecker.Result result = DeliveryChecker.check("bench_reporting", "bench_assessment", WAIT);
        return Map.of("reportEventsPublished", result.reportEvents(), "periodsOpened", result.openings().size(),
                "lost", result.lost().size(), "unexpected", result.unexpected().size());
    }

    private static HttpRequest.Builder post(String url, String token, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static Map<String, Object> percentiles(Latencies l) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("count", l.count());
        f.put("p50", l.p50());
        f.put("p99", l.p99());
        f.put("max", l.max());
        return f;
    }

    private static void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(TestDatabase.ensure(database), TestDatabase.user(),
                TestDatabase.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(TestDatabase.ensure(database), TestDatabase.user(),
                TestDatabase.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + WAIT + " waiting for " + what);
            }
            ServiceProcess.sleep(50);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void say(String line) {
        System.out.println("[benchmark] " + line);
    }
}
