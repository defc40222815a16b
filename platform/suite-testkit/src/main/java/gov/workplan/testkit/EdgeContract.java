package gov.workplan.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * What every service does at its edge, the same way: CORS for the configured portal origins only (the test
 * profile allows {@code https://portal.example.gov.cn}); headers that keep browsers from sniffing, framing or
 * leaking referrers; and the client address behind a proxy — X-Forwarded-For believed from a trusted proxy
 * (the test profile trusts 127.0.0.1) and ignored from anyone else; and tokens only for the suite's audience. A service's test extends it under
 * {@code @QuarkusTest}.
 */
public abstract class EdgeContract {

    private static final String PORTAL = "https://portal.example.gov.cn";

    @Test
    void givenAPreflightFromTheConfiguredPortal_whenAsked_thenTheOriginMethodAndHeadersAreAllowed() {
        given().header("Origin", PORTAL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when().options("/api/v1/audit").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PORTAL))
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("If-Match"));
        given().header("Origin", PORTAL).auth().oauth2(TestTokens.office()).when().get("/api/v1/audit").then()
                .statusCode(200).header("Access-Control-Allow-Origin", equalTo(PORTAL));
    }

    @Test
    void givenAPreflightOrARequestFromAnotherOrigin_whenAsked_thenNoOriginIsAllowed() {
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/audit").then().header("Access-Control-Allow-Origin", nullValue());
        int status = given().header("Origin", "https://evil.example.com").auth().oauth2(TestTokens.office()).when()
                .get("/api/v1/audit").then().header("Access-Control-Allow-Origin", nullValue()).extract().statusCode();
        assertEquals(403, status, "a cross-origin request from an origin not configured is refused");
    }

    @Test
    void givenAnyAnswer_whenItsHeadersAreRead_thenBrowsersMayNotSniffFrameOrLeakTheReferrer() {
        given().when().get("/q/openapi").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/audit").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void givenATokenOfTheSameIssuerForAnotherApplication_whenItCalls_thenItIsRefusedAs401() {
        Problems.assertProblem(given().auth().oauth2(TestTokens.forAnotherAudience("office")).when().get("/api/v1/audit")
                .then(), 401);
        given().auth().oauth2(TestTokens.office()).when().get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void givenARequestThroughATrustedProxy_whenAudited_thenTheForwardedClientIsRecorded() throws Exception {
        String topic = "edge-" + UUID.randomUUID();
        given().header("X-Forwarded-For", "203.0.113.7, 127.0.0.1").when()
                .post("/api/v1/dead-letters/redrive?topic=" + topic).then().statusCode(401);
        assertEquals("203.0.113.7", auditedAddress(topic));
    }

    @Test
    void givenARequestFromAnUntrustedPeerClaimingAForwardedAddress_whenAudited_thenThePeerIsRecorded() throws Exception {
        String topic = "edge-" + UUID.randomUUID();
        // From 127.0.0.2: the same machine, but not the trusted proxy 127.0.0.1.
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/dead-letters/redrive?topic=" + topic + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Forwarded-For: 203.0.113.9\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(status.startsWith("HTTP/1.1 401"), status);
        }
        assertEquals("127.0.0.2", auditedAddress(topic));
    }

    /** The address the audit recorded for the refused re-drive of {@code topic} (written in the background). */
    private static String auditedAddress(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> entries = given().auth().oauth2(TestTokens.office())
                    .queryParam("outcome", "UNAUTHENTICATED").when().get("/api/v1/audit").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            for (Map<String, Object> e : entries) {
                if (String.valueOf(e.get("action")).endsWith("topic=" + topic)) {
                    return String.valueOf(e.get("remoteAddress"));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the refused call for " + topic + " was not audited");
    }
}
