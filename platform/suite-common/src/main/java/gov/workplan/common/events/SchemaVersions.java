package gov.workplan.common.events;

import java.util.Map;
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
    /** Readers of one event type at one version ("type@version"): a type's own breaking change. */
    private final Map<String, UnaryOperator<JsonNode>> typeReaders;

    private SchemaVersions(Map<Integer, UnaryOperator<JsonNode>> readers, Map<String, UnaryOperator<JsonNode>> typeReaders) {
        this.readers = readers;
        this.typeReaders = typeReaders;
    }

    /** Reads exactly this version, as the contract's current records. */
    public static SchemaVersions reads(int version) {
        Map<Integer, UnaryOperator<JsonNode>> readers = new TreeMap<>();
        readers.put(version, UnaryOperator.identity());
        return new SchemaVersions(readers, Map.of());
    }

    /** Also reads {@code version}, turned into the current shape by {@code toCurrent}. */
    public SchemaVersions and(int version, UnaryOperator<JsonNode> toCurrent) {
        Map<Integer, UnaryOperator<JsonNode>> readers = new TreeMap<>(this.readers);
        readers.put(version, toCurrent);
        return new SchemaVersions(readers, typeReaders);
    }

    /**
     * Reads {@code type} at {@code version} too (or, at a version every type is read at, reads it differently),
     * turned into the current record by {@code toCurrent}: one event type's breaking change.
     */
    public SchemaVersions and(String type, int version, UnaryOperator<JsonNode> toCurrent) {
        Map<String, UnaryOperator<JsonNode>> typeReaders = new TreeMap<>(this.typeReaders);
        typeReaders.put(type + "@" + version, toCurrent);
        return new SchemaVersions(readers, typeReaders);
    }

    public boolean contains(String type, int version) {
        return typeReaders.containsKey(type + "@" + version) || readers.containsKey(version);
    }

    JsonNode toCurrent(String type, int version, JsonNode payload) {
        UnaryOperator<JsonNode> reader = typeReaders.get(type + "@" + version);
        return (reader != null ? reader : readers.get(version)).apply(payload);
    }

    @Override
    public String toString() {
        return typeReaders.isEmpty() ? readers.keySet().toString() : readers.keySet() + " and " + typeReaders.keySet();
    }
}
