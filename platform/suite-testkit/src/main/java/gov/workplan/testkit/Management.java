package gov.workplan.testkit;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/**
 * The service's management interface under {@code @QuarkusTest}: health and metrics answer there, on a port
 * of their own (a free one in tests), never on the API port.
 */
public final class Management {

    private Management() {
    }

    /** The base URL of the management interface of the service under test, e.g. {@code http://localhost:41234}. */
    public static String url() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port;
    }

    /** A request to the management interface: {@code Management.given().get("/q/health/ready")}. */
    public static RequestSpecification given() {
        return io.restassured.RestAssured.given().baseUri(url()).port(-1);
    }
}
