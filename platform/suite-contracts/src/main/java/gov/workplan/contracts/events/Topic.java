package gov.workplan.contracts.events;

import java.util.Map;

/**
 * A topic of the suite: its name, the service that owns it (the only one that may publish on it, and the
 * {@code source} of every event on it), the schema version its owner publishes, and the payload record of each
 * event type on it. ContractsTest (platform/deployment-check) holds these records and the AsyncAPI document
 * to each other — the same fields, the same limits — so neither can drift.
 */
public record Topic(String name, String owner, int schemaVersion, Map<String, Class<? extends Record>> payloads,
        Map<String, Integer> versions) {

    /** Every type of the topic at {@code schemaVersion}. */
    public Topic(String name, String owner, int schemaVersion, Map<String, Class<? extends Record>> payloads) {
        this(name, owner, schemaVersion, payloads, Map.of());
    }

    /** The schema version its owner publishes {@code type} at: the topic's, unless the type had a breaking change. */
    public int versionOf(String type) {
        return versions.getOrDefault(type, schemaVersion);
    }
}
