package gov.workplan.common.events;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The schema versions of a topic's events a consumer reads, each with how a payload of that version becomes
 * the shape the consumer's code reads (the contract record of the current version). A consumer upgraded for
 * a producer's breaking change adds the new version here — {@code reads(1).and(2, upcaster)} — and events
 * held at that version until then are re-driven from the dead-letter topic (docs: platform/README.md
 * "Evolving an event").
 */
public final class SchemaVersions {

    private final Map<Integer, UnaryOperator<JsonNode>> readers;

    private SchemaVersions(Map<Integer, UnaryOperator<JsonNode>> readers) {
        this.readers = readers;
    }

    /** Reads exactly this version, as the contract's current records. */
    public static SchemaVersions reads(int version) {
        Map<Integer, UnaryOperator<JsonNode>> readers = new TreeMap<>();
        readers.put(version, UnaryOperator.identity());
        return new SchemaVersions(readers);
    }

    /** Also reads {@code version}, turned into the current shape by {@code toCurrent}. */
    public SchemaVersions and(int version, UnaryOperator<JsonNode> toCurrent) {
        Map<Integer, UnaryOperator<JsonNode>> readers = new TreeMap<>(this.readers);
        readers.put(version, toCurrent);
        return new SchemaVersions(readers);
    }

    public boolean contains(int version) {
        return readers.containsKey(version);
    }

    public Set<Integer> versions() {
        return readers.keySet();
    }

    JsonNode toCurrent(int version, JsonNode payload) {
        return readers.get(version).apply(payload);
    }

    @Override
    public String toString() {
        return readers.keySet().toString();
    }
}
