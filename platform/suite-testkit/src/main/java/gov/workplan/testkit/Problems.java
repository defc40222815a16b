package gov.workplan.testkit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Asserts an RFC 7807 answer: its status, its media type and the fields it names. */
public final class Problems {

    private Problems() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String... fields) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", startsWith("urn:workplan:problem:"));
        if (fields.length > 0) {
            response.body("errors.field", hasItems(fields));
        }
        return response;
    }
}
