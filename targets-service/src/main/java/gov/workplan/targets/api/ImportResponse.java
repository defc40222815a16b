package gov.workplan.targets.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.contracts.events.TargetsEvents.Counts;

@Schema(name = "PlanImport", description = "The outcome of a plan import.")
public record ImportResponse(
        @Schema(example = "szfb-2010-98") String plan,
        @Schema(description = "false when the same document was already loaded: nothing changed.") boolean created,
        Counts counts,
        String checksum) {
}
