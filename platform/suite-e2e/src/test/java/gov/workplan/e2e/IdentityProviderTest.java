package gov.workplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import gov.workplan.benchmark.ServiceProcess;
import gov.workplan.identity.KeycloakProcess;
import gov.workplan.kafka.KafkaBrokerProcess;
import gov.workplan.testkit.TestDatabase;

/**
 * The suite with a real identity provider in the loop: Keycloak, started from Maven Central's distribution with
 * the realm the repo ships (platform/identity-provider/workplan-realm.json), its data in our PostgreSQL. The
 * three services verify its tokens by its JWKS URL, checking issuer and audience, exactly as in production;
 * every token here comes from Keycloak — officers by password, an integrating system by client credentials.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String PLAN = "szfb-2010-98";
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** Tokens of the realm's test client workplan-portal-short live this long. */
    private static final int SHORT_SECONDS = 5;

    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final String SECRET = "secret-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaBrokerProcess broker;
    private static KeycloakProcess keycloak;
    private static ServiceProcess targets;
    private static ServiceProcess reporting;
    private static ServiceProcess assessment;

    @BeforeAll
    static void startTheSuiteWithKeycloak() throws Exception {
        Path dataDir = Files.createTempDirectory("workplan-idp-");
        broker = KafkaBrokerProcess.onFreePorts(dataDir.resolve("kafka"));
        broker.start();
        keycloak = new KeycloakProcess(KeycloakProcess.distribution(ROOT.resolve("platform/identity-provider")),
                ROOT.resolve("platform/identity-provider/workplan-realm.json"), TestDatabase.fresh("keycloak_e2e"),
                TestDatabase.user(), TestDatabase.password().isEmpty() ? "unused" : TestDatabase.password(),
                Map.of("WORKPLAN_USER_PASSWORD", PASSWORD, "WORKPLAN_SERVICE_SECRET", SECRET,
                        "WORKPLAN_SHORT_TOKEN_SECONDS", String.valueOf(SHORT_SECONDS)), dataDir);
        keycloak.start();
        Map<String, String> common = ServiceProcess.suiteEnvironment(broker.bootstrapServers());
        common.put("JWT_PUBLIC_KEY_LOCATION", keycloak.jwks());
        common.put("JWT_ISSUER", keycloak.issuer());
        common.put("JWT_AUDIENCE", "workplan-api");
        // Production keeps the default minute of clock skew; here an expired token must be refused at once.
        common.put("MP_JWT_VERIFY_CLOCK_SKEW", "1");
        targets = new ServiceProcess("targets-service", with(common, "targets_idp"), dataDir);
        reporting = new ServiceProcess("reporting-service", with(common, "reporting_idp"), dataDir);
        assessment = new ServiceProcess("assessment-service", with(common, "assessment_idp"), dataDir);
        for (ServiceProcess s : List.of(targets, reporting, assessment)) {
            s.start();
        }
        keycloak.awaitReady(WAIT);
        for (ServiceProcess s : List.of(targets, reporting, assessment)) {
            s.awaitReady(WAIT);
        }
    }

    private static Map<String, String> with(Map<String, String> common, String database) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("DB_URL", TestDatabase.fresh(database));
        return env;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] { assessment, reporting, targets, keycloak, broker }) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping the rest matters more
            }
        }
    }

    @Test
    @Order(1)
    void givenAReportersTokenFromKeycloak_whenItReadsItsUnit_thenItIsServed_andAnotherUnitIsRefused() throws Exception {
        String futian = keycloak.userToken("workplan-portal", "reporter-futian", PASSWORD);
        String template = "/api/v1/report-workbooks/template?period=2011-Q2&plan=" + PLAN + "&unit=";
        // reporting-service's copy of the seed plan arrives from targets-service through Kafka
        await(reporting, template + "futian", futian, r -> r.statusCode() == 200);
        assertEquals(403, get(reporting, template + "nanshan", futian).statusCode(),
                "a reporter of futian (its unit from the Keycloak user attribute) writes for no other unit");
        assertEquals(200, get(targets, "/api/v1/plans/" + PLAN, futian).statusCode());
    }

    @Test
    @Order(2)
    void givenOfficerAndSystemTokensFromKeycloak_whenTheyCall_thenTheirRolesComeFromTheGroupsClaim() throws Exception {
        String office = keycloak.userToken("workplan-portal", "office-clerk", PASSWORD);
        String leader = keycloak.userToken("workplan-portal", "leader-li", PASSWORD);
        String system = keycloak.clientToken("workplan-service", SECRET);
        assertEquals(200, get(targets, "/api/v1/audit", office).statusCode(), "office reads the audit");
        assertEquals(200, get(targets, "/api/v1/audit", leader).statusCode(), "leader reads the audit");
        assertEquals(403, get(targets, "/api/v1/audit", system).statusCode(), "a system does not");
        assertEquals(200, get(targets, "/api/v1/plans/" + PLAN + "/targets/export", system).statusCode(),
                "a system reads the targets export");
    }

    @Test
    @Order(3)
    void givenATokenOfTheSameRealmForAnotherApplication_whenItCalls_thenItIsRefusedForItsAudience() throws Exception {
        String elsewhere = keycloak.userToken("another-application", "office-clerk", PASSWORD);
        assertEquals(401, get(targets, "/api/v1/audit", elsewhere).statusCode());
        assertEquals(401, get(reporting, "/api/v1/audit", elsewhere).statusCode());
        assertEquals(401, get(assessment, "/api/v1/audit", elsewhere).statusCode());
    }

    @Test
    @Order(4)
    void givenAnExpiredTokenFromKeycloak_whenItCalls_thenItIsRefused() throws Exception {
        String shortLived = keycloak.userToken("workplan-portal-short", "office-clerk", PASSWORD);
        assertEquals(200, get(targets, "/api/v1/audit", shortLived).statusCode());
        Thread.sleep((SHORT_SECONDS + 3) * 1000L);
        assertEquals(401, get(targets, "/api/v1/audit", shortLived).statusCode());
    }

    @Test
    @Order(5)
    void givenAPortalFollowingTheRanking_whenItsKeycloakTokenExpires_thenTheStreamEnds() throws Exception {
        String shortLived = keycloak.userToken("workplan-portal-short", "leader-li", PASSWORD);
        HttpRequest follow = HttpRequest.newBuilder(URI.create(assessment.url() + "/api/v1/rankings/stream?plan=" + PLAN))
                .header("Authorization", "Bearer " + shortLived).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HTTP.send(follow, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        CompletableFuture<Long> ended = CompletableFuture.supplyAsync(() -> response.body().count());
        ended.get(SHORT_SECONDS + 30, TimeUnit.SECONDS); // ends by itself: the server closed it at the token's expiry
    }

    @Test
    @Order(6)
    void givenKeycloakRotatesItsSigningKey_whenTokensOfTheNewKeyArrive_thenTheServicesAcceptThemWithoutARestart()
            throws Exception {
        String before = keycloak.userToken("workplan-portal", "office-clerk", PASSWORD);
        assertEquals(200, get(reporting, "/api/v1/audit", before).statusCode());
        keycloak.rotateSigningKey();
        String after = keycloak.userToken("workplan-portal", "office-clerk", PASSWORD);
        assertNotEquals(KeycloakProcess.keyId(before), KeycloakProcess.keyId(after), "signed with the new key");
        assertEquals(200, await(reporting, "/api/v1/audit", after, r -> r.statusCode() == 200).statusCode(),
                "the service fetched the new key from the JWKS URL");
        assertEquals(200, get(reporting, "/api/v1/audit", before).statusCode(), "tokens of the old key still verify");
        assertTrue(reporting.isAlive(), "no restart");
    }

    private static HttpResponse<String> get(ServiceProcess service, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> await(ServiceProcess service, String path, String token,
            java.util.function.Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(service, path, token);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " never answered as expected; last: " + last.statusCode() + " " + last.body());
    }
}
