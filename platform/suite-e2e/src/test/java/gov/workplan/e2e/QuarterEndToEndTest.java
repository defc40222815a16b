package gov.workplan.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.benchmark.CopyChecker;
import gov.workplan.benchmark.DeliveryChecker;
import gov.workplan.benchmark.KafkaManifests;
import gov.workplan.benchmark.ServiceLog;
import gov.workplan.benchmark.ServiceLog.ExportedSpan;
import gov.workplan.benchmark.ServiceProcess;
import gov.workplan.benchmark.SyntheticPlan;
import gov.workplan.benchmark.TcpProxy;
import gov.workplan.contracts.ContractField;
import gov.workplan.contracts.ContractLimits;
import gov.workplan.kafka.KafkaBrokerProcess;
import gov.workplan.testkit.Metrics;
import gov.workplan.testkit.RecordedSpans;
import gov.workplan.testkit.TestDatabase;
import gov.workplan.testkit.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The suite as it runs in production: targets-, reporting- and assessment-service as three separate
 * processes started from their built jars (prod profile, configured by environment only), one real
 * Kafka broker, real PostgreSQL databases of their own. One quarter of the seed plan, 深府办〔2010〕98号:
 * the plan loads → the eight districts report 2011-Q2 and the office accepts → the ranking follows →
 * the leader approves, the office publishes → the public reads it. Then assessment-service is killed
 * (SIGKILL) in the middle of a burst of corrections, more are made while it is down, it is started
 * again, and it catches up: every report event reporting-service published was applied exactly once,
 * and the ranking is the one the final figures give. Then the broker dies mid-burst, PostgreSQL itself
 * restarts mid-burst, reporting-service gets SIGTERM mid-burst, assessment-service receives every
 * report event a second time, and second replicas of every service join and leave mid-burst; each
 * time nothing accepted is lost or counted twice. Last, one trace is followed from a portal's call
 * through Kafka into assessment, and two replicas past a deadline announce each missing unit once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarterEndToEndTest {

    /** Share of each 2011 target reached by 2011-Q2, per district; every due task done, all on time. */
    private static final Map<String, Integer> PERCENT = new LinkedHashMap<>();
    static {
        PERCENT.put("futian", 60);
        PERCENT.put("pingshan", 55);
        PERCENT.put("luohu", 50);
        PERCENT.put("baoan", 45);
        PERCENT.put("yantian", 40);
        PERCENT.put("nanshan", 35);
        PERCENT.put("longgang", 30);
        PERCENT.put("guangming", 25);
    }
    private static final String PLAN = "szfb-2010-98";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaBrokerProcess broker;
    private static ServiceProcess targets;
    private static ServiceProcess reporting;
    private static ServiceProcess assessment;
    /** assessment-service reaches its database through this proxy, so that a test can cut the link and heal it. */
    private static TcpProxy assessmentDatabase;
    private static Path dataDir;
    private static Map<String, String> common;
    /**
     * Each service's own users, as in production: its database's owner migrates and a user of its own runs it;
     * its Kafka user has exactly the ACLs k8s/base/kafka-users.yaml grants it.
     */
    private static final Map<String, Map<String, String>> ACCESS = new LinkedHashMap<>();
    private static final Map<String, String> DATABASES = Map.of("targets-service", "targets_e2e", "reporting-service",
            "reporting_e2e", "assessment-service", "assessment_e2e");

    @BeforeAll
    static void startTheSuite() throws Exception {
        dataDir = Files.createTempDirectory("workplan-e2e-");
        broker = KafkaBrokerProcess.securedOnFreePorts(dataDir.resolve("kafka"));
        broker.start();
        Map<String, String> kafkaLogins = KafkaManifests.apply(broker);
        common = ServiceProcess.suiteEnvironment(broker.bootstrapServers());
        for (Map.Entry<String, String> service : DATABASES.entrySet()) {
            TestDatabase.Roles db = TestDatabase.freshWithRoles(service.getValue());
            ACCESS.put(service.getKey(), Map.of("DB_URL", db.url(), "DB_USER", db.service(), "DB_PASSWORD",
                    TestDatabase.Roles.PASSWORD, "DB_MIGRATION_USER", db.owner(), "DB_MIGRATION_PASSWORD",
                    TestDatabase.Roles.PASSWORD, "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_JAAS_CONFIG",
                    kafkaLogins.get(service.getKey())));
        }
        // long enough to watch readiness go down before the service stops serving
        common.put("SHUTDOWN_DELAY", "3s");
        // Every service exports its spans as OTLP/JSON log lines, where the trace test reads them.
        common.put("OTEL_TRACES_EXPORTER", "logging-otlp");
        common.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        targets = service("targets-service");
        reporting = service("reporting-service");
        assessment = service("assessment-service");
        for (ServiceProcess s : List.of(targets, reporting, assessment)) {
            s.start();
        }
        for (ServiceProcess s : List.of(targets, reporting, assessment)) {
            s.awaitReady(WAIT);
        }
    }

    private static ServiceProcess service(String name) {
        Map<String, String> env = environment(name);
        if ("assessment-service".equals(name)) {
            URI server = URI.create(env.get("DB_URL").substring("jdbc:".length()));
            assessmentDatabase = TcpProxy.to(server.getHost(), server.getPort());
            env.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + assessmentDatabase.port() + server.getPath());
            // The office freezes 2011-Q2 once its deadline (10 July, Shanghai) has passed: assessment's clock
            // stands past it while the units report on reporting's clock of 5 July.
            env.put("SUITE_CLOCK_START", "2011-07-11T00:00:00Z");
        }
        return new ServiceProcess(name, env, dataDir);
    }

    @AfterAll
    static void stopTheSuite() {
        for (AutoCloseable c : new AutoCloseable[] { assessment, reporting, targets }) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep stopping the others
            }
        }
        if (broker != null) {
            broker.kill();
        }
        if (assessmentDatabase != null) {
            assessmentDatabase.close();
        }
    }

    /**
     * A test that failed while one of the services was down leaves it down; the next starts from a whole
     * suite. And after every scenario — kills, restarts, redeliveries, replicas — the seed plan's copies
     * in reporting and assessment converge on the owner's, row by row.
     */
    @AfterEach
    void keepTheSuiteUpAndTheCopiesEqual() {
        for (ServiceProcess s : List.of(targets, reporting, assessment)) {
            if (!s.isAlive()) {
                s.start();
                s.awaitReady(WAIT);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> differences = CopyChecker.differences(PLAN, "targets_e2e", "reporting_e2e", "assessment_e2e");
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            ServiceProcess.sleep(500);
            differences = CopyChecker.differences(PLAN, "targets_e2e", "reporting_e2e", "assessment_e2e");
        }
        assertEquals(List.of(), differences, "the copies of " + PLAN + " after this scenario");
    }

    @Test
    @Order(1)
    void givenTheSeedPlan_whenAQuarterIsReportedRankedAndPublished_andAssessmentCrashesMidStream_thenItCatchesUpWithNothingLostOrCountedTwice()
            throws Exception {
        // The plan, loaded by targets-service at start, reaches the others through Kafka alone.
        await(() -> as(TestTokens.office()).get(reporting.url() + "/api/v1/periods?plan=" + PLAN).statusCode() == 200);
        await(() -> as(TestTokens.office()).get(assessment.url() + "/api/v1/schemes?plan=" + PLAN).statusCode() == 200);

        Map<String, String> reportIds = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> d : PERCENT.entrySet()) {
            String unit = d.getKey();
            String id = as(TestTokens.reporter(unit)).contentType("application/json")
                    .body(Map.of("plan", PLAN, "period", "2011-Q2", "unit", unit, "content", content(unit, d.getValue())))
                    .post(reporting.url() + "/api/v1/reports").then().statusCode(201).extract().path("id");
            as(TestTokens.reporter(unit)).header("Idempotency-Key", "e2e-" + id)
                    .post(reporting.url() + "/api/v1/reports/" + id + "/submit").then().statusCode(200);
            as(TestTokens.office()).post(reporting.url() + "/api/v1/reports/" + id + "/accept").then().statusCode(200);
            reportIds.put(unit, id);
        }
        List<String> expected = List.copyOf(PERCENT.keySet());
        JsonPath ranking = awaitRanking(r -> expected.equals(r.getList("[0].entries.unit", String.class)));
        assertEquals(112f, ranking.getFloat("[0].entries[0].score"), "futian: 60% at half time counts as the cap");

        String result = as(TestTokens.office()).contentType("application/json")
                .body(Map.of("plan", PLAN, "period", "2011-Q2")).post(assessment.url() + "/api/v1/results").then()
                .statusCode(201).extract().path("id");
        as(TestTokens.leader()).post(assessment.url() + "/api/v1/results/" + result + "/approve").then().statusCode(200);
        as(TestTokens.office()).post(assessment.url() + "/api/v1/results/" + result + "/publish").then().statusCode(200);
        assertEquals(expected, publicDistrictOrder());

        // A burst of corrections: assessment-service is killed after the first three, two more follow
        // while it is down. The last districts climb: guangming to 80 %, longgang to 75 %, ...
        List<String> climbers = List.of("guangming", "longgang", "nanshan", "yantian", "baoan");
        int percent = 80;
        for (int i = 0; i < climbers.size(); i++) {
            if (i == 3) {
                assessment.kill();
            }
            String unit = climbers.get(i);
            PERCENT.put(unit, percent);
            as(TestTokens.reporter(unit)).contentType("application/json")
                    .body(Map.of("content", content(unit, percent), "reason", "统计局数据更正"))
                    .post(reporting.url() + "/api/v1/reports/" + reportIds.get(unit) + "/corrections").then()
                    .statusCode(201);
            // Four eyes: the unit's correction counts once the office has accepted it.
            as(TestTokens.office()).post(reporting.url() + "/api/v1/reports/" + reportIds.get(unit)
                    + "/corrections/accept").then().statusCode(200);
            percent -= 5;
        }
        assessment.start();
        assessment.awaitReady(WAIT);

        // Progress is capped at 1.2 (60 % at half time): everyone at 60 % or more ties at 112 and is
        // ranked by unit code; the rest follow by their share.
        List<String> finalOrder = PERCENT.entrySet().stream()
                .sorted((a, b) -> Math.min(b.getValue(), 60) != Math.min(a.getValue(), 60)
                        ? Math.min(b.getValue(), 60) - Math.min(a.getValue(), 60) : a.getKey().compareTo(b.getKey()))
                .map(Map.Entry::getKey).toList();
        awaitRanking(r -> finalOrder.equals(r.getList("[0].entries.unit", String.class)));

        assertEquals(8 + 8 + 5, assertNothingLostOrCountedTwice(), "8 submitted, 8 accepted, 5 corrected");

        // The published snapshot did not move.
        assertEquals(expected, publicDistrictOrder());
    }

    /**
     * The broker dies in the middle of a burst of 2011-Q3 submissions (85 % of each target, above every
     * district's Q2 figure) and comes back on the same ports and data. Submissions keep being accepted while it is down (each is committed with its
     * event in the outbox); once it is back, every one reaches assessment, once.
     */
    @Test
    @Order(2)
    void givenABurstOfSubmissions_whenTheBrokerIsKilledMidBurstAndRestarted_thenEveryAcceptedReportReachesAssessmentOnce() {
        List<String> units = List.copyOf(PERCENT.keySet());
        Map<String, String> drafts = drafts(units, "2011-Q3", 85);
        int before = DeliveryChecker.reportEvents("reporting_e2e");
        int i = 0;
        for (Map.Entry<String, String> draft : drafts.entrySet()) {
            if (i++ == 3) {
                broker.kill();
            }
            as(TestTokens.reporter(draft.getKey())).header("Idempotency-Key", "burst-" + draft.getValue())
                    .post(reporting.url() + "/api/v1/reports/" + draft.getValue() + "/submit").then().statusCode(200);
        }
        broker.start();

        awaitEveryDistrictRankedFirst("2011-Q3", "the 2011-Q3 district ranking after the broker's return");
        assertEquals(before + units.size(), assertNothingLostOrCountedTwice(), "one report.submitted per unit");
    }

    /**
     * PostgreSQL itself restarts in the middle of 2011-Q4's submissions. While it is down, a submission
     * gets a clean 503 problem+json with Retry-After and changes nothing, and readiness reports the
     * services unready; once it is back, the same services — not restarted — accept the rest, and every
     * accepted report reaches assessment once.
     */
    @Test
    @Order(3)
    void givenSubmissionsUnderWay_whenPostgresqlRestarts_thenCallersGet503sWhileItIsDown_andTheServicesRecoverOnTheirOwn() {
        Assumptions.assumeTrue(PostgresCluster.controllable(), "needs pg_ctlcluster and one local cluster to restart");
        List<String> units = List.copyOf(PERCENT.keySet());
        Map<String, String> drafts = drafts(units, "2011-Q4", 95);
        int before = DeliveryChecker.reportEvents("reporting_e2e");
        String refused = units.get(4);
        try {
            for (String unit : units.subList(0, 4)) {
                submit(unit, drafts.get(unit)).then().statusCode(200);
            }
            PostgresCluster.stop();
            var answer = submit(refused, drafts.get(refused)).then().extract();
            assertEquals(503, answer.statusCode(), answer.asString());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            assertEquals("5", answer.header("Retry-After"));
            assertEquals(503, given().get(reporting.managementUrl() + "/q/health/ready").statusCode());
        } finally {
            PostgresCluster.start();
        }
        awaitTrue(() -> given().get(reporting.managementUrl() + "/q/health/ready").statusCode() == 200, "reporting ready again");
        assertEquals("DRAFT", as(TestTokens.office()).get(reporting.url() + "/api/v1/reports/" + drafts.get(refused))
                .then().statusCode(200).extract().path("status"), "the refused submission changed nothing");
        for (String unit : units.subList(4, units.size())) {
            // as a client told Retry-After would: the same Idempotency-Key, until it is taken
            awaitTrue(() -> submit(unit, drafts.get(unit)).statusCode() == 200, "the submission of " + unit);
        }

        awaitEveryDistrictRankedFirst("2011-Q4", "the 2011-Q4 district ranking after the restart");
        assertEquals(before + units.size(), assertNothingLostOrCountedTwice(), "one report.submitted per unit");
        for (ServiceProcess s : List.of(targets, reporting, assessment)) {
            assertEquals(200, given().get(s.managementUrl() + "/q/health/ready").statusCode(), s.name() + " recovered by itself");
        }
    }

    /**
     * reporting-service gets SIGTERM while 2012-Q1's submissions are in flight, as on a rolling update.
     * Readiness goes down at once while it still serves (the shutdown delay), so a load balancer stops
     * sending it work; what it answered 200 is committed with its event and reaches assessment; what it
     * did not answer changed nothing and goes through, once it is back, with the same Idempotency-Key.
     */
    @Test
    @Order(4)
    void givenSubmissionsInFlight_whenReportingGetsSigterm_thenReadinessGoesDownFirst_andNothingAnsweredIsLost()
            throws Exception {
        List<String> units = List.copyOf(PERCENT.keySet());
        Map<String, String> drafts = drafts(units, "2012-Q1", 30);
        int before = DeliveryChecker.reportEvents("reporting_e2e");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        Map<String, java.util.concurrent.CompletableFuture<Integer>> answers = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            if (i == units.size() / 2) {
                reporting.terminate();
            }
            String unit = units.get(i);
            answers.put(unit, http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(reporting.url()
                    + "/api/v1/reports/" + drafts.get(unit) + "/submit"))
                    .header("Authorization", "Bearer " + TestTokens.reporter(unit))
                    .header("Idempotency-Key", "sigterm-" + drafts.get(unit))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                    .thenApply(java.net.http.HttpResponse::statusCode).exceptionally(e -> -1));
        }
        assertReadinessGoesDownWhileItStillServes(reporting);
        reporting.awaitExit();
        for (var answer : answers.entrySet()) {
            int status = answer.getValue().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(status == 200 || status == -1 || status == 503, answer.getKey() + " answered " + status);
        }
        reporting.start();
        reporting.awaitReady(WAIT);
        for (String unit : units) {
            if (answers.get(unit).get() != 200) {
                String status = as(TestTokens.office()).get(reporting.url() + "/api/v1/reports/" + drafts.get(unit))
                        .then().statusCode(200).extract().path("status");
                assertTrue(status.equals("DRAFT") || status.equals("SUBMITTED"), unit + " was " + status);
            }
            as(TestTokens.reporter(unit)).header("Idempotency-Key", "sigterm-" + drafts.get(unit))
                    .post(reporting.url() + "/api/v1/reports/" + drafts.get(unit) + "/submit").then().statusCode(200);
        }

        awaitEveryDistrictRankedFirst("2012-Q1", "the 2012-Q1 district ranking after the restart");
        assertEquals(before + units.size(), assertNothingLostOrCountedTwice(), "one report.submitted per unit");
    }

    /**
     * A consumer that committed an event's effect to its database but died before committing the Kafka
     * offset receives that event again. Forced here for every report event at once: assessment-service
     * is stopped, its consumer group's offsets on workplan.reporting are set back to the beginning, and
     * it is started again. It reads every report event a second time, applies none of them again, and
     * every ranking stays exactly as it was.
     */
    @Test
    @Order(5)
    void givenEventsAlreadyApplied_whenTheConsumerGetsThemAgainAsAfterACrashBeforeItsOffsetCommit_thenNothingCountsTwice()
            throws Exception {
        List<String> periods = List.of("2011-Q2", "2011-Q3", "2011-Q4", "2012-Q1");
        Map<String, String> before = new LinkedHashMap<>();
        periods.forEach(p -> before.put(p, rankingOf(p)));
        long records = DeliveryChecker.ids("reporting_e2e", "select id::text from outbox_event "
                + "where topic = 'workplan.reporting'").size();

        assessment.stop();
        try (Admin admin = Admin.create(broker.clientConfig())) {
            Map<TopicPartition, OffsetAndMetadata> toTheBeginning = new HashMap<>();
            admin.describeTopics(List.of("workplan.reporting")).allTopicNames().get().get("workplan.reporting")
                    .partitions().forEach(p -> toTheBeginning.put(new TopicPartition("workplan.reporting", p.partition()),
                            new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets("assessment-service", toTheBeginning).all().get();
        }
        assessment.start();
        assessment.awaitReady(WAIT);

        awaitTrue(() -> Metrics.sumAt(assessment.managementUrl(), "workplan_events_consumed_total", "source=\"reporting-service\"",
                "outcome=\"duplicate\"") >= records, "every report event received again");
        assertEquals(0.0, Metrics.sumAt(assessment.managementUrl(), "workplan_events_consumed_total",
                "source=\"reporting-service\"", "outcome=\"applied\""), "none applied a second time");
        periods.forEach(p -> assertEquals(before.get(p), rankingOf(p), "the " + p + " ranking"));
        assertNothingLostOrCountedTwice();
    }

    /**
     * A second reporting-service replica joins while 2012-Q2's reports come in — same database, same
     * consumer group — and leaves in the middle. Submissions to either replica are all taken, and
     * reach assessment once whichever relay published them; the consumer group rebalances twice and
     * keeps applying (a target amended meanwhile reaches reporting's copy); the first replica stays live.
     */
    @Test
    @Order(6)
    void givenASecondReportingReplica_whenItJoinsAndLeavesUnderLoad_thenEverySubmissionCountsOnce_andTheConsumersKeepUp()
            throws Exception {
        List<String> units = List.copyOf(PERCENT.keySet());
        Map<String, String> drafts = drafts(units, "2012-Q2", 50);
        int before = DeliveryChecker.reportEvents("reporting_e2e");
        ServiceProcess second = replica("reporting-service");
        try {
            second.start();
            second.awaitReady(WAIT);
            Map<String, Object> target = as(TestTokens.office()).get(reporting.url() + "/api/v1/periods/2011-Q4/expected?plan="
                    + PLAN + "&unit=futian").then().statusCode(200).extract().jsonPath().getMap("[0].indicators[0]");
            BigDecimal amended = new BigDecimal(String.valueOf(target.get("target"))).add(BigDecimal.ONE);
            as(TestTokens.office()).contentType("application/json")
                    .body(Map.of("value", amended, "reason", "e2e: amended while the group rebalances"))
                    .post(targets.url() + "/api/v1/plans/" + PLAN + "/targets/futian/" + target.get("indicator") + "/2011/amendments")
                    .then().statusCode(201);
            int i = 0;
            for (String unit : units) {
                if (i == units.size() / 2) {
                    second.stop(); // leaves the consumer group; its relay stops between batches
                }
                ServiceProcess replica = i++ % 2 == 0 || !second.isAlive() ? reporting : second;
                submit(replica, unit, drafts.get(unit)).then().statusCode(200);
            }
            awaitTrue(() -> amended.compareTo(new BigDecimal(String.valueOf(as(TestTokens.office())
                    .get(reporting.url() + "/api/v1/periods/2011-Q4/expected?plan=" + PLAN + "&unit=futian").then()
                    .extract().jsonPath().getMap("[0].indicators[0]").get("target")))) == 0,
                    "the amended target in reporting's copy");
        } finally {
            second.close();
        }
        awaitEveryDistrictRankedFirst("2012-Q2", "the 2012-Q2 district ranking");
        assertEquals(before + units.size(), assertNothingLostOrCountedTwice(), "one report.submitted per unit");
        assertEquals(200, given().get(reporting.managementUrl() + "/q/health/live").statusCode());
    }

    /**
     * Second replicas of targets-service and assessment-service start beside the first ones, on the
     * same databases and consumer groups. The second targets replica loads the same seed plan and
     * recognises it: not one event is written twice. The second assessment replica takes part of the
     * report stream and leaves mid-burst: every report still counts once and the ranking is whole.
     */
    @Test
    @Order(7)
    void givenSecondReplicasOfTargetsAndAssessment_whenTheyRunBesideTheFirst_thenNoEventIsDuplicatedAndEveryReportCountsOnce()
            throws Exception {
        String targetEvents = "select id::text from outbox_event";
        int targetEventsBefore = DeliveryChecker.ids("targets_e2e", targetEvents).size();
        ServiceProcess secondTargets = replica("targets-service");
        ServiceProcess secondAssessment = replica("assessment-service");
        try {
            secondTargets.start();
            secondAssessment.start();
            secondTargets.awaitReady(WAIT);
            secondAssessment.awaitReady(WAIT);
            assertEquals(targetEventsBefore, DeliveryChecker.ids("targets_e2e", targetEvents).size(),
                    "the second targets replica loaded the seed plan it found already loaded");

            List<String> units = List.copyOf(PERCENT.keySet());
            Map<String, String> drafts = drafts(units, "2012-Q3", 60);
            int before = DeliveryChecker.reportEvents("reporting_e2e");
            int i = 0;
            for (String unit : units) {
                if (i++ == units.size() / 2) {
                    secondAssessment.stop(); // leaves the group mid-burst
                }
                submit(unit, drafts.get(unit)).then().statusCode(200);
            }
            awaitEveryDistrictRankedFirst("2012-Q3", "the 2012-Q3 district ranking");
            assertEquals(before + units.size(), assertNothingLostOrCountedTwice(), "one report.submitted per unit");
        } finally {
            secondAssessment.close();
            secondTargets.close();
        }
    }

    /**
     * One trace spans the flow across processes (OpenTelemetry, W3C traceparent): a portal submits with
     * its own trace; reporting-service serves it in a child span and publishes the event in a child of
     * that; assessment-service applies it in a child of the publication. Each service exports its spans
     * (here as OTLP/JSON log lines, {@code OTEL_TRACES_EXPORTER=logging-otlp}), and the JSON log lines
     * written while serving the call name the trace id.
     */
    @Test
    @Order(8)
    void givenACallersTraceparent_whenAReportIsSubmitted_thenOneTraceSpansReportingAndAssessment_andTheLogsNameIt() {
        String unit = "futian";
        String report = drafts(List.of(unit), "2012-Q4", 70).get(unit);
        String traceId = RecordedSpans.newTraceId();
        String traceparent = RecordedSpans.newTraceparent(traceId);
        String answered = as(TestTokens.reporter(unit)).header("traceparent", traceparent)
                .header("Idempotency-Key", "traced-" + report).post(reporting.url() + "/api/v1/reports/" + report + "/submit")
                .then().statusCode(200).extract().header("traceresponse");
        assertTrue(answered.startsWith("00-" + traceId + "-"), "the answer names the caller's trace: " + answered);

        ServiceLog reportingLog = new ServiceLog(reporting.log());
        ServiceLog assessmentLog = new ServiceLog(assessment.log());
        awaitTrue(() -> !spans(assessmentLog, traceId, ExportedSpan.CONSUMER).isEmpty(),
                "assessment-service's span of the trace " + traceId);
        ExportedSpan server = spans(reportingLog, traceId, ExportedSpan.SERVER).get(0);
        List<String> published = spans(reportingLog, traceId, ExportedSpan.PRODUCER).stream()
                .map(ExportedSpan::spanId).toList();
        ExportedSpan consumed = spans(assessmentLog, traceId, ExportedSpan.CONSUMER).get(0);

        assertEquals("reporting-service", server.service());
        assertEquals("POST /api/v1/reports/{id}/submit", server.name());
        assertEquals(traceparent.split("-")[2], server.parentSpanId(), "a child of the caller's span");
        assertTrue(!published.isEmpty() && spans(reportingLog, traceId, ExportedSpan.PRODUCER).stream()
                .allMatch(p -> p.parentSpanId().equals(server.spanId())), "published in the submission's span");
        assertEquals("assessment-service", consumed.service());
        assertEquals("workplan.reporting process", consumed.name());
        assertTrue(published.contains(consumed.parentSpanId()), "applied in a child of the publication");
        assertTrue(reportingLog.linesOfTrace(traceId).stream().anyMatch(l -> "audit".equals(l.path("loggerName").asText())),
                "the submission's audit log line carries the trace id");
    }

    private static List<ExportedSpan> spans(ServiceLog log, String traceId, int kind) {
        return log.spansOfTrace(traceId).stream().filter(s -> s.kind() == kind).toList();
    }

    /**
     * Two more reporting-service replicas, their clocks just past 2011-Q2's deadline (10 July 2011, end
     * of the day in Shenzhen), watch deadlines every second on the same database at the same time. Every
     * unit the plan expects that did not report 2011-Q2 is announced overdue exactly once — one notice,
     * one report.overdue event, applied once by assessment — and no district that reported is announced.
     */
    @Test
    @Order(9)
    void givenTwoReplicasPastADeadline_whenBothWatchIt_thenEachMissingUnitIsAnnouncedOverdueExactlyOnce()
            throws Exception {
        Set<String> expected = Set.copyOf(as(TestTokens.office()).get(reporting.url() + "/api/v1/periods/2011-Q2/expected?plan="
                + PLAN).then().statusCode(200).extract().jsonPath().getList("unit", String.class));
        Set<String> submitted = DeliveryChecker.ids("reporting_e2e", "select unit_code from report where plan_code = '"
                + PLAN + "' and period_code = '2011-Q2' and first_submitted_at is not null");
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(submitted);
        assertEquals(Set.copyOf(PERCENT.keySet()), submitted, "the eight districts reported 2011-Q2");
        assertTrue(!missing.isEmpty(), "the plan expects 2011-Q2 reports from more than the districts");

        String overdue = "from outbox_event where event_type = 'report.overdue' "
                + "and envelope::jsonb -> 'payload' ->> 'period' = '2011-Q2'";
        List<ServiceProcess> watchers = new ArrayList<>();
        try {
            for (String name : List.of("watcher-a", "watcher-b")) {
                Map<String, String> env = environment("reporting-service");
                env.put("SUITE_CLOCK_START", "2011-07-10T16:00:01Z");
                env.put("REPORTING_OVERDUE_EVERY", "1s");
                env.put("REPORTING_OVERDUE_DELAY", "1s");
                watchers.add(new ServiceProcess("reporting-service", env, Files.createDirectories(dataDir.resolve(name))));
            }
            watchers.forEach(ServiceProcess::start);
            for (ServiceProcess w : watchers) {
                w.awaitReady(WAIT);
            }
            awaitTrue(() -> DeliveryChecker.ids("reporting_e2e", "select id::text " + overdue).size() >= missing.size(),
                    "a report.overdue for each missing unit");
            ServiceProcess.sleep(4_000); // several more rounds of both watchers, racing each other
        } finally {
            watchers.forEach(ServiceProcess::close);
        }
        assertEquals(missing.size(), DeliveryChecker.ids("reporting_e2e", "select id::text " + overdue).size(),
                "one event per missing unit, not one per watcher or round");
        assertEquals(missing, DeliveryChecker.ids("reporting_e2e", "select envelope::jsonb -> 'payload' ->> 'unit' " + overdue));
        assertEquals(missing, DeliveryChecker.ids("reporting_e2e", "select unit_code from overdue_notice where plan_code = '"
                + PLAN + "' and period_code = '2011-Q2'"));
        assertNothingLostOrCountedTwice();
    }

    private static ServiceProcess replica(String name) throws java.io.IOException {
        return new ServiceProcess(name, environment(name), Files.createDirectories(dataDir.resolve("second-" + name)));
    }

    /** What every service gets, and this one's own database and Kafka users. */
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(ACCESS.get(name));
        return env;
    }

    private static String rankingOf(String period) {
        return as(TestTokens.office()).get(assessment.url() + "/api/v1/rankings?plan=" + PLAN + "&period=" + period)
                .then().statusCode(200).extract().asString();
    }

    /** Every district's draft for the period, each at {@code percent} of its targets. */
    private static Map<String, String> drafts(List<String> units, String period, int percent) {
        Map<String, String> drafts = new LinkedHashMap<>();
        for (String unit : units) {
            drafts.put(unit, as(TestTokens.reporter(unit)).contentType("application/json")
                    .body(Map.of("plan", PLAN, "period", period, "unit", unit, "content", content(unit, period, percent)))
                    .post(reporting.url() + "/api/v1/reports").then().statusCode(201).extract().path("id"));
        }
        return drafts;
    }

    /**
     * A plan whose every contract field is at its limit — names of 300 and 200 characters, a task known
     * only by a 20,000-character description, codes as long as their patterns allow — is applied by all
     * three services: the copies equal the owner's row for row, and nothing is parked on a dead-letter
     * topic. (An indicator name of 250 characters used to be taken by targets-service and parked by the
     * other two, whose copies then lacked it.)
     */
    @Test
    @Order(10)
    void givenAPlanWithEveryContractFieldAtItsLimit_whenImported_thenEveryCopyEqualsTheOwnersAndNothingIsParked()
            throws Exception {
        ObjectNode document = (ObjectNode) new SyntheticPlan(JSON, "limits", 2, 2).document();
        String plan = document.path("plan").path("code").asText();
        ObjectNode header = (ObjectNode) document.get("plan");
        header.put("title", "方".repeat(ContractField.PLAN_TITLE.maxLength()));
        header.put("titleEn", "P".repeat(ContractField.PLAN_TITLE_EN.maxLength()));
        // Fields only targets-service stores travel too, and the contract bounds them for every consumer.
        header.put("documentNumber", "号".repeat(ContractLimits.DOCUMENT_NUMBER))
                .put("issuer", "发".repeat(ContractLimits.ISSUER)).put("issuerEn", "S".repeat(ContractLimits.ISSUER));
        ArrayNode industries = (ArrayNode) document.get("industries");
        industries.addObject().put("code", "limits-" + "i".repeat(ContractField.INDUSTRY_CODE.maxLength() - 7))
                .put("nameZh", "业".repeat(ContractField.INDUSTRY_NAME_ZH.maxLength()))
                .put("nameEn", "I".repeat(ContractField.INDUSTRY_NAME_EN.maxLength()));
        String longUnit = "limits-" + "u".repeat(ContractField.UNIT_CODE.maxLength() - 7);
        for (JsonNode unit : document.get("units")) {
            if (unit.path("code").asText().startsWith("limits-county")) {
                ((ObjectNode) unit).put("nameZh", "县".repeat(ContractField.UNIT_NAME_ZH.maxLength()))
                        .put("nameEn", "C".repeat(ContractField.UNIT_NAME_EN.maxLength()));
            }
        }
        String firstCounty = document.get("units").findValuesAsText("code").stream()
                .filter(c -> c.startsWith("limits-county")).findFirst().orElseThrow();
        renameUnit(document, firstCounty, longUnit);
        String longIndicator = "limits." + "x".repeat(ContractField.INDICATOR_CODE.maxLength() - 7);
        ObjectNode indicator = (ObjectNode) document.get("indicators").get(0);
        String oldIndicator = indicator.path("code").asText();
        indicator.put("code", longIndicator).put("industry", industries.get(industries.size() - 1).path("code").asText())
                .put("nameZh", "指".repeat(ContractField.INDICATOR_NAME_ZH.maxLength()))
                .put("nameEn", "N".repeat(ContractField.INDICATOR_NAME_EN.maxLength()))
                .put("unitOfMeasure", "单".repeat(ContractField.UNIT_OF_MEASURE.maxLength()))
                .put("unitOfMeasureEn", "u".repeat(ContractLimits.UNIT_OF_MEASURE))
                .put("description", "描".repeat(ContractLimits.INDICATOR_DESCRIPTION));
        for (JsonNode t : document.get("targets")) {
            if (oldIndicator.equals(t.path("indicator").asText())) {
                ((ObjectNode) t).put("indicator", longIndicator).put("wording", "达".repeat(ContractLimits.WORDING));
            }
        }
        ObjectNode titled = (ObjectNode) document.get("tasks").get(0);
        titled.put("title", "任".repeat(ContractField.TASK_TITLE.maxLength()))
                .put("titleEn", "T".repeat(ContractLimits.TASK_TITLE))
                .put("deadlineText", "前".repeat(ContractLimits.DEADLINE_TEXT));
        ObjectNode described = (ObjectNode) document.get("tasks").get(1);
        described.put("code", "ABCDEFGH.ABCDEFGH.ABCDEFGH.ABCDEFGH").putNull("title")
                .put("description", "述".repeat(ContractField.TASK_DESCRIPTION.maxLength()));

        as(TestTokens.office()).contentType("application/json").body(document.toString())
                .post(targets.url() + "/api/v1/plans").then().statusCode(201);
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> differences = CopyChecker.differences(plan, "targets_e2e", "reporting_e2e", "assessment_e2e");
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            ServiceProcess.sleep(500);
            differences = CopyChecker.differences(plan, "targets_e2e", "reporting_e2e", "assessment_e2e");
        }
        assertEquals(List.of(), differences, "reporting's and assessment's copies of " + plan);
        assertEquals(0, parked(plan), "events of " + plan + " parked on a dead-letter topic");
    }

    /**
     * A partition, not a kill: assessment-service is cut off from PostgreSQL for 75 s — longer than the
     * minute after which the Kafka connector's watchdog used to close a consumer whose record waited — its
     * connections stay open and nothing crosses, as when a link drops packets — while the office corrects
     * every district's 2011-Q2 report. Healed, the held traffic goes through: every correction reaches
     * assessment once, the ranking reflects them, and (after this test, as after every scenario) the
     * copies equal the owner's.
     */
    @Test
    @Order(11)
    void givenAssessmentCutOffFromItsDatabaseForLongerThanAMinute_whenCorrectionsKeepComing_thenAfterHealingNothingIsLostOrForked() {
        List<String> units = List.copyOf(PERCENT.keySet());
        int before = DeliveryChecker.reportEvents("reporting_e2e");
        assessmentDatabase.partition();
        long healAt = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        try {
            for (String unit : units) {
                String id = as(TestTokens.office()).get(reporting.url() + "/api/v1/reports?plan=" + PLAN
                        + "&period=2011-Q2&unit=" + unit).then().statusCode(200).extract().path("[0].id");
                as(TestTokens.office()).contentType("application/json")
                        .body(Map.of("content", content(unit, 70), "reason", "统计局年报核定"))
                        .post(reporting.url() + "/api/v1/reports/" + id + "/corrections").then().statusCode(201);
            }
            while (System.nanoTime() < healAt) {
                ServiceProcess.sleep(500);
            }
        } finally {
            assessmentDatabase.heal();
        }
        awaitEveryDistrictRankedFirst("2011-Q2", "the 2011-Q2 district ranking after the partition healed");
        assertEquals(before + units.size(), assertNothingLostOrCountedTwice(), "one report.corrected per district");
    }

    /**
     * Least privilege, proven with each service's own credentials — the very ones it ran this whole suite
     * with: on Kafka it may not publish another service's topic or read a topic it does not consume, and an
     * anonymous or wrong login is refused; in PostgreSQL it may not change or remove the audit trail, the event
     * history (beyond marking an event published) or the record of applied events, may not create or truncate
     * tables, and may not connect to another service's database.
     */
    @Test
    @Order(12)
    void givenEachServicesOwnUsers_whenTheyTryWhatTheServiceNeverDoes_thenTheBrokerAndTheDatabaseRefuse() throws Exception {
        String assessmentLogin = ACCESS.get("assessment-service").get("KAFKA_SASL_JAAS_CONFIG");
        assertRefused(org.apache.kafka.common.errors.TopicAuthorizationException.class,
                () -> publish(assessmentLogin, "workplan.targets"), "assessment-service publishing a targets event");
        assertRefused(org.apache.kafka.common.errors.TopicAuthorizationException.class,
                () -> publish(ACCESS.get("reporting-service").get("KAFKA_SASL_JAAS_CONFIG"), "workplan.targets"),
                "reporting-service publishing a targets event");
        assertRefused(org.apache.kafka.common.errors.TopicAuthorizationException.class,
                () -> publish(ACCESS.get("targets-service").get("KAFKA_SASL_JAAS_CONFIG"), "workplan.reporting"),
                "targets-service publishing a report event");
        assertRefused(org.apache.kafka.common.errors.SaslAuthenticationException.class,
                () -> publish(KafkaBrokerProcess.jaasConfig("assessment-service", "not-its-password"), "workplan.assessment"),
                "a wrong password");
        assertRefused(org.apache.kafka.common.KafkaException.class, () -> {
            Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            try (KafkaProducer<String, String> p = new KafkaProducer<>(anonymous, new StringSerializer(), new StringSerializer())) {
                p.send(new ProducerRecord<>("workplan.targets", PLAN, "{}")).get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }, "a client without a login");
        Map<String, Object> reader = broker.clientConfig(ACCESS.get("reporting-service").get("KAFKA_SASL_JAAS_CONFIG"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(reader, new StringDeserializer(),
                new StringDeserializer())) {
            assertRefused(org.apache.kafka.common.errors.TopicAuthorizationException.class,
                    () -> consumer.partitionsFor("workplan.assessment", Duration.ofSeconds(10)),
                    "reporting-service reading the assessment topic it does not consume");
        }

        for (Map.Entry<String, String> service : DATABASES.entrySet()) {
            Map<String, String> access = ACCESS.get(service.getKey());
            try (java.sql.Connection own = java.sql.DriverManager.getConnection(access.get("DB_URL"), access.get("DB_USER"),
                    access.get("DB_PASSWORD")); java.sql.Statement sql = own.createStatement()) {
                String who = service.getKey() + "'s own database user";
                List<String> statements = new ArrayList<>(List.of("update audit_entry set actor = 'someone else'",
                        "delete from audit_entry", "truncate audit_entry", "delete from outbox_event",
                        "update outbox_event set envelope = '{}'", "update processed_event set source = 'x'",
                        "delete from processed_event", "delete from flyway_schema_history", "create table smuggled (id int)"));
                if (service.getKey().equals("assessment-service")) {
                    // the annual assessment's inputs are history too: corrections are new rows
                    statements.addAll(List.of("update official_statistic set value = 0", "delete from annual_item_entry",
                            "delete from chief_official"));
                }
                for (String forbidden : statements) {
                    java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                            () -> sql.executeUpdate(forbidden), who + ": " + forbidden);
                    assertEquals("42501", refused.getSQLState(), who + ": " + forbidden + " — " + refused.getMessage());
                }
                // what the relay does, and what the service reads, are allowed
                sql.executeUpdate("update outbox_event set published_at = published_at where false");
                assertTrue(sql.executeQuery("select count(*) from audit_entry").next());
            }
            String other = DATABASES.get(service.getKey().equals("targets-service") ? "reporting-service" : "targets-service");
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> java.sql.DriverManager.getConnection(access.get("DB_URL").replaceFirst("/[a-z0-9_]+$", "/" + other),
                            access.get("DB_USER"), access.get("DB_PASSWORD")).close(),
                    service.getKey() + " connecting to " + other);
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    /**
     * As packaged and run in production: the API port serves the API and its OpenAPI document, and nothing an
     * ingress should not route — no health, no metrics, no Swagger UI; health and metrics answer on the
     * management port.
     */
    @Test
    @Order(13)
    void givenThePackagedServicesInTheProdProfile_whenTheirPortsAreAsked_thenHealthAndMetricsAreOnlyOnTheManagementPort() {
        for (ServiceProcess s : List.of(targets, reporting, assessment)) {
            for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/swagger-ui/")) {
                assertEquals(404, given().get(s.url() + path).statusCode(), s.name() + " API port: " + path);
            }
            assertEquals(200, given().get(s.url() + "/q/openapi").statusCode(), s.name() + " API port: /q/openapi");
            assertEquals(200, given().get(s.managementUrl() + "/q/health/ready").statusCode(), s.name());
            assertTrue(given().get(s.managementUrl() + "/q/metrics").asString().contains("workplan_outbox_pending"), s.name());
        }
    }

    private static void publish(String login, String topic) throws Exception {
        Map<String, Object> config = broker.clientConfig(login);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, PLAN, "{\"forged\":true}")).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The action fails, and somewhere in its causes is {@code expected}. */
    private static void assertRefused(Class<? extends Throwable> expected, org.junit.jupiter.api.function.Executable action,
            String what) {
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, action, what + " was allowed");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (expected.isInstance(t)) {
                return;
            }
        }
        throw new AssertionError(what + ": refused, but not as " + expected.getSimpleName(), failure);
    }

    private static void renameUnit(ObjectNode document, String from, String to) {
        for (JsonNode u : document.get("units")) {
            if (from.equals(u.path("code").asText())) {
                ((ObjectNode) u).put("code", to);
            }
        }
        for (JsonNode t : document.get("targets")) {
            if (from.equals(t.path("unit").asText())) {
                ((ObjectNode) t).put("unit", to);
            }
        }
        for (JsonNode task : document.get("tasks")) {
            ArrayNode lead = (ArrayNode) task.get("lead");
            for (int i = 0; i < lead.size(); i++) {
                if (from.equals(lead.get(i).asText())) {
                    lead.set(i, JSON.getNodeFactory().textNode(to));
                }
            }
        }
    }

    /** Records keyed by the plan on every dead-letter topic, read from the beginning. */
    private static int parked(String plan) {
        Map<String, Object> config = new HashMap<>(broker.clientConfig());
        config.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "e2e-parked-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        int parked = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<String> dlqs = consumer.listTopics().keySet().stream().filter(t -> t.endsWith("-dlq")).toList();
            if (dlqs.isEmpty()) {
                return 0;
            }
            consumer.subscribe(dlqs);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (plan.equals(record.key())) {
                        parked++;
                    }
                }
            }
        }
        return parked;
    }

    /** Every district reported the same share: once all are applied, all eight share rank 1. */
    private static void awaitEveryDistrictRankedFirst(String period, String what) {
        awaitTrue(() -> {
            var ranking = as(TestTokens.office()).get(assessment.url() + "/api/v1/rankings?plan=" + PLAN + "&period="
                    + period + "&category=DISTRICT").then().extract();
            return ranking.statusCode() == 200 && ranking.jsonPath().getList("[0].entries.rank", Integer.class)
                    .equals(java.util.Collections.nCopies(PERCENT.size(), 1));
        }, what);
    }

    private static io.restassured.response.Response submit(String unit, String report) {
        return submit(reporting, unit, report);
    }

    private static io.restassured.response.Response submit(ServiceProcess replica, String unit, String report) {
        return as(TestTokens.reporter(unit)).header("Idempotency-Key", "submit-" + report)
                .post(replica.url() + "/api/v1/reports/" + report + "/submit");
    }

    /**
     * The checker: every event reporting-service committed (its outbox, the history of what it
     * accepted) was applied by assessment-service (its inbox, one row per event id) — lost = 0 — and
     * assessment applied nothing reporting did not publish — counted twice or invented = 0. Returns how many
     * report events were committed (the openings of reporting windows left out).
     */
    private static int assertNothingLostOrCountedTwice() {
        DeliveryChecker.Result result = DeliveryChecker.check("reporting_e2e", "assessment_e2e", WAIT);
        assertEquals(Set.of(), result.lost(), "lost");
        assertEquals(Set.of(), result.unexpected(), "unexpected");
        return result.reportEvents();
    }

    /** The district's 2011 year-to-date values at {@code percent} of each target, every expected task done. */
    private static Map<String, Object> content(String unit, int percent) {
        return content(unit, "2011-Q2", percent);
    }

    private static Map<String, Object> content(String unit, String period, int percent) {
        JsonPath owed = as(TestTokens.office()).get(reporting.url() + "/api/v1/periods/" + period + "/expected?plan=" + PLAN
                + "&unit=" + unit).then().statusCode(200).extract().jsonPath();
        String root = "[0].";
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Map<String, Object> i : owed.<Map<String, Object>> getList(root + "indicators")) {
            BigDecimal target = new BigDecimal(String.valueOf(i.get("target")));
            indicators.add(Map.of("indicator", i.get("indicator"),
                    "value", target.multiply(BigDecimal.valueOf(percent)).movePointLeft(2).stripTrailingZeros()));
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Map<String, Object> t : owed.<Map<String, Object>> getList(root + "tasks")) {
            tasks.add(Map.of("task", t.get("task"), "progress", "DONE"));
        }
        return Map.of("indicators", indicators, "tasks", tasks);
    }

    private static JsonPath awaitRanking(Predicate<JsonPath> ready) {
        JsonPath[] last = new JsonPath[1];
        awaitTrue(() -> {
            var answer = as(TestTokens.office()).get(assessment.url() + "/api/v1/rankings?plan=" + PLAN
                    + "&period=2011-Q2&category=DISTRICT").then().extract();
            if (answer.statusCode() != 200) {
                return false;
            }
            last[0] = answer.jsonPath();
            try {
                return ready.test(last[0]);
            } catch (RuntimeException e) {
                return false;
            }
        }, "the district ranking; last: " + (last[0] == null ? "none" : last[0].prettify()));
        return last[0];
    }

    private static List<String> publicDistrictOrder() {
        return given().get(assessment.url() + "/api/v1/public/rankings?plan=" + PLAN + "&year=2011").then()
                .statusCode(200).extract().jsonPath()
                .getList("[0].snapshot.rankings.find { it.category == 'DISTRICT' }.entries.unit", String.class);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /**
     * The JVM runs its shutdown hooks a moment after the signal — longer on a busy machine — so
     * readiness is watched, not sampled once; it must read 503 before the service stops answering.
     */
    private static void assertReadinessGoesDownWhileItStillServes(ServiceProcess service) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            try {
                status = given().get(service.managementUrl() + "/q/health/ready").statusCode();
            } catch (Exception refused) {
                throw new AssertionError(service.name() + " stopped answering before its readiness went down", refused);
            }
            assertTrue(System.nanoTime() < deadline, "readiness of " + service.name() + " still up 10 s after SIGTERM");
            if (status != 503) {
                ServiceProcess.sleep(20);
            }
        } while (status != 503);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        awaitTrue(condition, "condition");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            ServiceProcess.sleep(250);
        }
    }
}
