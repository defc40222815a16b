package gov.workplan.deployment;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The JSON Schema a contract record (gov.workplan.contracts.events) implies: its fields, their types, which are
 * required, and every limit its Bean Validation annotations declare. The AsyncAPI document must say the same
 * for the schema of the same name; descriptions, examples and enumerations are the document's own.
 */
final class EventSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventSchemas() {
    }

    /** Every record reachable from {@code root}, by simple name, each with its implied schema. */
    static Map<String, ObjectNode> implied(Class<? extends Record> root) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        collect(root, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Class<?> record, Map<String, ObjectNode> out) {
        if (out.containsKey(record.getSimpleName())) {
            return;
        }
        ObjectNode schema = JSON.objectNode().put("type", "object");
        out.put(record.getSimpleName(), schema);
        ArrayNode required = JSON.arrayNode();
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent c : record.getRecordComponents()) {
            boolean notNull = c.getType().isPrimitive() || has(c, NotNull.class);
            if (notNull) {
                required.add(c.getName());
            }
            properties.set(c.getName(), schemaOf(c.getAnnotatedType(), c, notNull, out));
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
    }

    private static JsonNode schemaOf(AnnotatedType annotated, AnnotatedElement limits, boolean notNull,
            Map<String, ObjectNode> out) {
        Type type = annotated.getType();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            collect(raw, out);
            ObjectNode ref = JSON.objectNode().put("$ref", "#/components/schemas/" + raw.getSimpleName());
            if (notNull) {
                return ref;
            }
            ObjectNode nullable = JSON.objectNode();
            nullable.putArray("oneOf").add(ref).add(JSON.objectNode().put("type", "null"));
            return nullable;
        }
        ObjectNode s = JSON.objectNode();
        String jsonType;
        if (raw == String.class || raw == UUID.class || raw == Instant.class || raw == LocalDate.class) {
            jsonType = "string";
            if (raw == UUID.class) {
                s.put("format", "uuid");
            } else if (raw == Instant.class) {
                s.put("format", "date-time");
            } else if (raw == LocalDate.class) {
                s.put("format", "date");
            }
            Size size = annotation(limits, annotated, Size.class);
            if (raw == String.class) {
                if (size == null) {
                    throw new IllegalStateException("a contract string without a maximum length: " + limits);
                }
                s.put("maxLength", size.max());
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            jsonType = "integer";
            s.put("format", raw == int.class || raw == Integer.class ? "int32" : "int64");
            Min min = annotation(limits, annotated, Min.class);
            Max max = annotation(limits, annotated, Max.class);
            if (min != null) {
                s.put("minimum", min.value());
            }
            if (max != null) {
                s.put("maximum", max.value());
            }
        } else if (raw == BigDecimal.class) {
            jsonType = "number";
            DecimalMin min = annotation(limits, annotated, DecimalMin.class);
            DecimalMax max = annotation(limits, annotated, DecimalMax.class);
            Digits digits = annotation(limits, annotated, Digits.class);
            if (min == null || digits == null) {
                throw new IllegalStateException("a contract number without its range (@DecimalMin, @Digits): " + limits);
            }
            s.put("minimum", new BigDecimal(min.value()));
            if (max != null) {
                s.put("maximum", new BigDecimal(max.value()));
            } else {
                s.put("exclusiveMaximum", BigDecimal.TEN.pow(digits.integer()));
            }
            s.put("multipleOf", BigDecimal.ONE.movePointLeft(digits.fraction()));
        } else if (raw == boolean.class || raw == Boolean.class) {
            jsonType = "boolean";
        } else if (raw == java.util.List.class) {
            jsonType = "array";
            Size size = annotation(limits, annotated, Size.class);
            if (size != null) {
                s.put("maxItems", size.max());
            }
            AnnotatedType item = ((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0];
            s.set("items", schemaOf(item, item, true, out));
        } else if (JsonNode.class.isAssignableFrom(raw)) {
            jsonType = "object";
        } else {
            throw new IllegalStateException("a contract field of a type the check does not know: " + raw);
        }
        if (notNull) {
            s.put("type", jsonType);
        } else {
            s.putArray("type").add(jsonType).add("null");
        }
        return s;
    }

    private static boolean has(RecordComponent c, Class<? extends Annotation> a) {
        return annotation(c, c.getAnnotatedType(), a) != null;
    }

    /** On the component (its accessor or field carries it too) or, for a list's items, on the type use. */
    private static <A extends Annotation> A annotation(AnnotatedElement element, AnnotatedType type, Class<A> a) {
        if (element instanceof RecordComponent c) {
            A on = c.getAnnotation(a);
            if (on == null) {
                try {
                    on = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(a);
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            return on;
        }
        return type.getAnnotation(a);
    }
}
