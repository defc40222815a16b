package gov.workplan.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.contracts.ContractLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The one envelope every event of the suite travels in, on every topic. Consumers read it tolerantly: a
 * field added here later is ignored by a consumer that does not know it yet.
 *
 * @param id            unique per event; consumers deduplicate by it
 * @param type          what happened, e.g. {@code target.amended}
 * @param schemaVersion version of the payload's shape for this type; bumped on incompatible change
 * @param occurredAt    when the change was committed by its owner
 * @param source        the owning service, e.g. {@code targets-service}
 * @param key           the Kafka record key: the plan for plan-scoped events, so one plan's events stay in order
 * @param plan          the plan the event belongs to
 * @param payload       the full new state a consumer needs, so that no consumer has to call back; one of the
 *                      records of {@link TargetsEvents}, {@link ReportingEvents} or {@link AssessmentEvents}
 */
public record EventEnvelope(
        @NotNull UUID id,
        @NotNull @Size(max = ContractLimits.EVENT_TYPE) String type,
        @Min(1) int schemaVersion,
        @NotNull Instant occurredAt,
        @NotNull @Size(max = ContractLimits.SERVICE) String source,
        @NotNull @Size(max = ContractLimits.CODE) String key,
        @Size(max = ContractLimits.CODE) String plan,
        @NotNull JsonNode payload) {
}
