package gov.workplan.targets.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.TargetKind;
import gov.workplan.targets.domain.TargetRevision;
import gov.workplan.targets.domain.TargetValue;

@Schema(name = "TargetRevision", description = "One value a target has had; revision 0 is the plan's baseline.")
public record TargetRevisionView(
        @Schema(example = "1") int revision,
        TargetKind kind,
        @Schema(example = "32") BigDecimal value,
        BigDecimal maxValue,
        @Schema(example = "区政府申请调整：新引进项目投产") String reason,
        @Schema(description = "Token subject of the author.", example = "office-wang") String changedBy,
        Instant changedAt) {

    static TargetRevisionView of(TargetRevision r) {
        return new TargetRevisionView(r.revision, r.kind, TargetValue.plain(r.value), TargetValue.plain(r.maxValue),
                r.reason, r.changedBy, r.changedAt);
    }
}
