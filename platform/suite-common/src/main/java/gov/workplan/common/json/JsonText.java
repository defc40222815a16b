package gov.workplan.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON kept in a column (a breakdown, a snapshot, a report's content): written from the service's own records, so
 * a failure is a bug, not bad input; read back from what the service wrote, so a failure means the stored row is
 * damaged — both are unchecked, and say which.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value of the service's own does not serialise", e);
        }
    }

    public static <T> T read(ObjectMapper mapper, String json, Class<T> type, String what) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is unreadable", e);
        }
    }

    public static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type, String what) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is unreadable", e);
        }
    }
}
