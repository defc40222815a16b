package gov.workplan.common.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one envelope every event of the suite travels in, on every topic.
 *
 * @param id            unique per event; consumers deduplicate by it
 * @param type          what happened, e.g. {@code target.amended}
 * @param schemaVersion version of the payload's shape for this type; bumped on incompatible change
 * @param occurredAt    when the change was committed by its owner
 * @param source        the owning service, e.g. {@code targets-service}
 * @param key           the Kafka record key: the plan for plan-scoped events, so one plan's events stay in order
 * @param plan          the plan the event belongs to
 * @param payload       the full new state a consumer needs, so that no consumer has to call back
 */
public record EventEnvelope(
        UUID id,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String source,
        String key,
        String plan,
        JsonNode payload) {
}
