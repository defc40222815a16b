package gov.workplan.reporting.events;

import static gov.workplan.reporting.Reporting.futian;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.contracts.events.ReportingEvents;
import gov.workplan.reporting.MutableClock;
import gov.workplan.reporting.Reporting;
import gov.workplan.reporting.TargetsFixture;
import gov.workplan.reporting.domain.DeadlineWatch;
import gov.workplan.testkit.EventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Near a deadline, one report.due-soon per unit not yet submitted; when it passes, one report.overdue per
 * unit still missing: exactly once each, however often and by how many it is checked.
 */
@QuarkusTest
class DeadlineEventsTest {

    /** One second after 2011-Q1's deadline (end of 2011-04-10 in Shanghai). */
    private static final Instant AFTER_Q1_DEADLINE = Instant.parse("2011-04-10T16:00:01Z");

    @Inject
    MutableClock clock;

    @Inject
    DeadlineWatch watch;

    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private List<String> overdueUnits(List<JsonNode> events, String plan, String period) {
        return events.stream().filter(e -> "report.overdue".equals(e.path("type").asText()))
                .map(e -> e.path("payload"))
                .filter(p -> plan.equals(p.path("plan").asText()) && period.equals(p.path("period").asText()))
                .map(p -> p.path("unit").asText()).sorted().collect(Collectors.toList());
    }

    @Test
    void givenAPassedDeadline_whenCheckedRepeatedlyAndConcurrently_thenEachMissingUnitIsAnnouncedExactlyOnce() throws Exception {
        String plan = TargetsFixture.publishPlan();
        clock.set(Instant.parse("2011-04-02T02:00:00Z"));
        Reporting.accepted("futian", plan, "2011-Q1", futian(4));
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            clock.set(AFTER_Q1_DEADLINE);
            ExecutorService replicas = Executors.newFixedThreadPool(3);
            try {
                Callable<Integer> check = watch::check;
                List<Future<Integer>> runs = replicas.invokeAll(List.of(check, check, check));
                for (Future<Integer> run : runs) {
                    run.get();
                }
            } finally {
                replicas.shutdownNow();
            }
            watch.check(); // as after a restart: the notices are in the database

            // A later event of the same plan shares its partition: once it arrives, every notice before it has.
            String marker = Reporting.draft("nanshan", plan, "2011-Q2", Reporting.NANSHAN_2011);
            Reporting.submit("nanshan", marker).statusCode(200);
            List<JsonNode> events = probe.awaitUntil(e -> "report.submitted".equals(e.path("type").asText())
                    && marker.equals(e.path("payload").path("reportId").asText()), Duration.ofSeconds(30));
            assertEquals(List.of("development-reform", "nanshan", "shenzhen"), overdueUnits(events, plan, "2011-Q1"),
                    "futian reported; the other three once each");
            assertEquals(List.of(), overdueUnits(events, plan, "2011-Q2"), "2011-Q2 is not due yet");
            JsonNode payload = events.stream().filter(e -> "report.overdue".equals(e.path("type").asText())
                    && plan.equals(e.path("plan").asText()) && "2011-Q1".equals(e.path("payload").path("period").asText()))
                    .findFirst().orElseThrow().path("payload");
            assertEquals("2011-04-10", payload.path("dueDate").asText());
            assertEquals("leading-group-office", payload.path("recipientUnit").asText(), "escalated to the office");
        }
        long notices = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from overdue_notice where plan_code = ?1 and period_code = '2011-Q1'")
                .setParameter(1, plan).getSingleResult()).longValue());
        assertEquals(3, notices);
    }

    private static List<String> units(List<JsonNode> events, String type, String plan, String period) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).map(e -> e.path("payload"))
                .filter(p -> plan.equals(p.path("plan").asText()) && period.equals(p.path("period").asText()))
                .map(p -> p.path("unit").asText()).sorted().collect(Collectors.toList());
    }

    @Test
    void givenADeadlineTwoDaysAway_whenChecked_thenEachUnitNotYetSubmittedIsRemindedOnceWithItsOfficers() {
        String plan = TargetsFixture.publishPlan();
        long officer = Reporting.office().body("{\"name\": \"李华\", \"phone\": \"0755-26666666\", \"email\": \"lihua@szns.gov.cn\"}")
                .when().post("/api/v1/units/nanshan/officers").then().statusCode(201).extract().jsonPath().getLong("id");
        clock.set(Instant.parse("2011-07-05T02:00:00Z"));
        String futian = Reporting.draft("futian", plan, "2011-Q2", futian(8));
        Reporting.submit("futian", futian).statusCode(200);
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            clock.set(Instant.parse("2011-07-08T16:00:00Z")); // two days before 2011-Q2's deadline
            watch.check();
            watch.check();
            String marker = Reporting.draft("nanshan", plan, "2011-Q2", Reporting.NANSHAN_2011);
            Reporting.submit("nanshan", marker).statusCode(200);
            List<JsonNode> events = probe.awaitUntil(e -> "report.submitted".equals(e.path("type").asText())
                    && marker.equals(e.path("payload").path("reportId").asText()), Duration.ofSeconds(30));

            assertEquals(List.of("development-reform", "nanshan", "shenzhen"),
                    units(events, "report.due-soon", plan, "2011-Q2"), "futian had submitted; the others once each");
            assertEquals(List.of(), units(events, "report.due-soon", plan, "2011-Q3"), "2011-Q3 is months away");
            JsonNode nanshan = events.stream().filter(e -> "report.due-soon".equals(e.path("type").asText()))
                    .map(e -> e.path("payload")).filter(p -> plan.equals(p.path("plan").asText())
                            && "nanshan".equals(p.path("unit").asText())).findFirst().orElseThrow();
            // The reminder names its officers by id: no name, phone or e-mail on a topic kept forever.
            JsonNode reminder = events.stream().filter(e -> "report.due-soon".equals(e.path("type").asText())
                    && nanshan.equals(e.path("payload"))).findFirst().orElseThrow();
            assertEquals(ReportingEvents.REPORT_DUE_SOON_VERSION, reminder.path("schemaVersion").asInt());
            assertEquals(officer, nanshan.path("officers").get(0).path("id").asLong());
            java.util.Set<String> fields = new java.util.TreeSet<>();
            nanshan.path("officers").get(0).fieldNames().forEachRemaining(fields::add);
            assertEquals(java.util.Set.of("id"), fields);
            assertFalse(reminder.toString().contains("李华") || reminder.toString().contains("0755-26666666")
                    || reminder.toString().contains("lihua@"), reminder.toString());
            assertEquals("2011-07-10", nanshan.path("dueDate").asText());

            // The gateway reads the contact details by unit, as the service role, and the read is audited.
            given().auth().oauth2(gov.workplan.testkit.TestTokens.service()).when().get("/api/v1/units/nanshan/officers")
                    .then().statusCode(200).body("find { it.id == " + officer + " }.phone", org.hamcrest.Matchers.equalTo("0755-26666666"));
            boolean audited = false;
            for (int attempt = 0; attempt < 50 && !audited; attempt++) {
                audited = given().auth().oauth2(gov.workplan.testkit.TestTokens.office()).queryParam("actor", "service-test")
                        .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                        .getList("action", String.class).contains("GET /api/v1/units/nanshan/officers");
                if (!audited) {
                    sleep(200);
                }
            }
            assertTrue(audited, "the read of the officers' contact details is in the audit");
        }
    }

    @Test
    void givenAQuarterThatEnded_whenCheckedRepeatedlyAndConcurrently_thenItsWindowIsOpenedExactlyOnce_andNotTheNextQuarters() throws Exception {
        String plan = TargetsFixture.publishPlan();
        try (EventProbe probe = EventProbe.fromNowOn(ReportingEvents.TOPIC)) {
            clock.set(Instant.parse("2011-07-02T02:00:00Z")); // 2011-Q2 ended two days ago; its deadline is 10 July
            ExecutorService replicas = Executors.newFixedThreadPool(3);
            try {
                Callable<Integer> check = watch::check;
                for (Future<Integer> run : replicas.invokeAll(List.of(check, check, check))) {
                    run.get();
                }
            } finally {
                replicas.shutdownNow();
            }
            watch.check(); // as after a restart

            String marker = Reporting.draft("nanshan", plan, "2011-Q2", Reporting.NANSHAN_2011);
            Reporting.submit("nanshan", marker).statusCode(200);
            List<JsonNode> events = probe.awaitUntil(e -> "report.submitted".equals(e.path("type").asText())
                    && marker.equals(e.path("payload").path("reportId").asText()), Duration.ofSeconds(30));
            List<JsonNode> opened = events.stream().filter(e -> ReportingEvents.PERIOD_OPENED.equals(e.path("type").asText())
                    && plan.equals(e.path("payload").path("plan").asText())).map(e -> e.path("payload")).toList();
            assertEquals(List.of("2010-Q1", "2010-Q2", "2010-Q3", "2010-Q4", "2011-Q1", "2011-Q2"),
                    opened.stream().map(p -> p.path("period").asText()).toList(),
                    "each ended quarter once, in order; 2011-Q3 has not ended");
            JsonNode q2 = opened.get(5);
            assertEquals("2011-07-10", q2.path("dueDate").asText());
            assertEquals("2011-07-10T16:00:00Z", q2.path("deadline").asText());
            assertEquals(List.of(), units(events, "report.due-soon", plan, "2011-Q2"), "the reminders come 3 days before");
        }
        long notices = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from period_notice where plan_code = ?1").setParameter(1, plan).getSingleResult()).longValue());
        assertEquals(6, notices);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
