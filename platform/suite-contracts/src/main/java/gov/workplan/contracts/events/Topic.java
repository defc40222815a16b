package gov.workplan.contracts.events;

import java.util.Map;

/**
 * A topic of the suite: its name, the service that owns it (the only one that may publish on it, and the
 * {@code source} of every event on it), the schema version its owner publishes, and the payload record of each
 * event type on it. ContractsTest (platform/deployment-check) holds these records and the AsyncAPI document
 * to each other — the same fields, the same limits — so neither can drift.
 */
public record Topic(String name, String owner, int schemaVersion, Map<String, Class<? extends Record>> payloads) {

    public Class<? extends Record> payloadOf(String type) {
        Class<? extends Record> payload = payloads.get(type);
        if (payload == null) {
            throw new IllegalArgumentException(type + " is not an event type of " + name);
        }
        return payload;
    }
}
