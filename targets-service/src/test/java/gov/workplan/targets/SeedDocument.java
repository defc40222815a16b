package gov.workplan.targets;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.testkit.TestTokens;

/**
 * The seed plan document, and copies of it under new plan codes: a test that amends targets works
 * on its own copy, so the seed plan stays as loaded for every other test.
 */
public final class SeedDocument {

    public static final String PLAN = "szfb-2010-98";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedDocument() {
    }

    public static ObjectNode tree() {
        try (InputStream in = SeedDocument.class.getClassLoader().getResourceAsStream("seed/szfb-2010-98.plan.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed document under a fresh plan code. */
    public static ObjectNode copy(String code) {
        ObjectNode doc = tree();
        ((ObjectNode) doc.get("plan")).put("code", code);
        return doc;
    }

    public static String freshCode() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Imports a copy of the seed through the API and returns its plan code. */
    public static String importCopy() {
        String code = freshCode();
        given().auth().oauth2(TestTokens.office()).contentType("application/json").body(copy(code).toString())
                .when().post("/api/v1/plans").then().statusCode(201);
        return code;
    }
}
