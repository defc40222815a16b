package gov.workplan.common.events;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import gov.workplan.contracts.events.EventEnvelope;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * An event on its first delivery to a consumer. Its payload is read as the contract's record for its type
 * (gov.workplan.contracts.events), tolerating fields the record does not know (a producer may add optional
 * ones), and held to the contract's limits: a payload that breaks them is parked with the field named,
 * never half-applied or truncated by a column.
 */
public final class InboundEvent {

    private final EventEnvelope envelope;
    private final JsonNode payload;
    private final ObjectReader reader;
    private final Validator validator;

    InboundEvent(EventEnvelope envelope, JsonNode payload, ObjectReader reader, Validator validator) {
        this.envelope = envelope;
        this.payload = payload;
        this.reader = reader;
        this.validator = validator;
    }

    public String type() {
        return envelope.type();
    }

    public EventEnvelope envelope() {
        return envelope;
    }

    /** The payload as {@code type}, in the current version's shape, within the contract's limits. */
    public <T extends Record> T payload(Class<T> type) {
        T value;
        try {
            value = reader.treeToValue(payload, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining());
            throw new ContractViolation(envelope, "payload" + field + " does not fit " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ContractViolation(envelope, "payload is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ContractViolation(envelope, violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> "payload." + v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return value;
    }

    /** The event breaks its contract; the message, naming the field, is the reason it is parked with. */
    public static final class ContractViolation extends IllegalArgumentException {
        public ContractViolation(EventEnvelope event, String what) {
            super("contract: " + event.type() + " " + event.id() + " from " + event.source() + " v"
                    + event.schemaVersion() + ": " + what);
        }
    }
}
