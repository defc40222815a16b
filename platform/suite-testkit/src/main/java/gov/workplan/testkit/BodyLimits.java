package gov.workplan.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.workplan.testkit.BadInputSweep.Probe;

/**
 * Probes of the declared limits of a request body, from its OpenAPI schema: a body built from the schema's
 * examples, then each string field that declares {@code maxLength} set to exactly that many characters
 * (never a 5xx: what the API accepts, the database stores) and to one more (a 400 naming the field).
 * Nested objects and the first element of arrays are walked too, named as the API names them
 * ({@code content.indicators[0].explanation}).
 */
final class BodyLimits {

    static final String AT_LIMIT = "at its limit: ";
    static final String OVER_LIMIT = "one past its limit: ";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BodyLimits() {
    }

    static List<Probe> probes(JsonNode doc, String method, String path, JsonNode schema) {
        List<Probe> probes = new ArrayList<>();
        JsonNode body = example(doc, schema, 0);
        if (!(body instanceof ObjectNode)) {
            return probes;
        }
        walk(doc, schema, "", 0, (field, pointer, max, format) -> {
            for (int length : List.of(max, max + 1)) {
                ObjectNode copy = body.deepCopy();
                set(copy, pointer, text(field, format, length));
                probes.add(new Probe(method, path, "application/json", copy.toString(),
                        (length == max ? AT_LIMIT : OVER_LIMIT) + field + " (" + length + " characters)"));
            }
        });
        return probes;
    }

    interface Limited {
        void field(String name, List<Object> pointer, int max, String format);
    }

    private static void walk(JsonNode doc, JsonNode schema, String prefix, int depth, Limited found) {
        walk(doc, schema, prefix, new ArrayList<>(), depth, found);
    }

    private static void walk(JsonNode doc, JsonNode schema, String prefix, List<Object> pointer, int depth, Limited found) {
        JsonNode s = resolve(doc, schema);
        if (depth > 4) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> p = props.next();
            JsonNode ps = resolve(doc, p.getValue());
            String name = prefix.isEmpty() ? p.getKey() : prefix + "." + p.getKey();
            List<Object> at = new ArrayList<>(pointer);
            at.add(p.getKey());
            if (ps.has("maxLength") && "string".equals(type(ps))) {
                found.field(name, at, ps.path("maxLength").asInt(), ps.path("format").asText(""));
            } else if ("array".equals(type(ps))) {
                at.add(0);
                walk(doc, ps.path("items"), name + "[0]", at, depth + 1, found);
            } else if (ps.has("properties")) {
                walk(doc, ps, name, at, depth + 1, found);
            }
        }
    }

    /** A body from the schema: examples where given, a plausible value of the type elsewhere. */
    private static JsonNode example(JsonNode doc, JsonNode schema, int depth) {
        JsonNode s = resolve(doc, schema);
        if (s.has("example")) {
            return s.get("example");
        }
        switch (type(s)) {
            case "object" -> {
                ObjectNode o = JSON.objectNode();
                if (depth < 5) {
                    s.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), example(doc, p.getValue(), depth + 1)));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = JSON.arrayNode();
                if (depth < 5) {
                    a.add(example(doc, s.path("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return JSON.numberNode(1);
            }
            case "number" -> {
                return JSON.numberNode(1);
            }
            case "boolean" -> {
                return JSON.booleanNode(false);
            }
            default -> {
                if (s.has("enum")) {
                    return s.get("enum").get(0);
                }
                return switch (s.path("format").asText("")) {
                    case "date-time" -> JSON.textNode("2011-04-08T03:00:00Z");
                    case "date" -> JSON.textNode("2011-04-08");
                    case "uuid" -> JSON.textNode(java.util.UUID.randomUUID().toString());
                    default -> JSON.textNode("x");
                };
            }
        }
    }

    private static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            return t.size() > 0 ? t.get(0).asText() : "object";
        }
        return t.isMissingNode() ? (s.has("properties") ? "object" : "string") : t.asText();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5; i++) {
            if (s.has("$ref")) {
                s = doc.at(s.get("$ref").asText().substring(1));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else {
                break;
            }
        }
        return s;
    }

    /** A value of the length that the field's kind accepts: an e-mail is an e-mail, a link a link. */
    private static String text(String field, String format, int length) {
        String lower = field.toLowerCase();
        if ("email".equals(format) || lower.endsWith("email")) {
            return email(length);
        }
        if (lower.endsWith("url")) {
            String base = "https://example.org/";
            return base + "a".repeat(Math.max(1, length - base.length()));
        }
        return "长".repeat(length);
    }

    /** An address of exactly {@code length} characters shaped as mail systems take them: local@host.tld. */
    static String email(int length) {
        int tld = Math.max(1, Math.min(40, (length - 3) / 3));
        int local = Math.max(1, Math.min(64, (length - 2 - tld) / 2));
        int host = length - local - 1 - 1 - tld;
        return "a".repeat(local) + "@" + "b".repeat(Math.max(1, host)) + "." + "c".repeat(tld);
    }

    private static void set(ObjectNode root, List<Object> pointer, String value) {
        JsonNode node = root;
        for (int i = 0; i < pointer.size() - 1; i++) {
            Object step = pointer.get(i);
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        ((ObjectNode) node).put((String) pointer.get(pointer.size() - 1), value);
    }
}
