package gov.workplan.targets.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.contracts.ContractLimits;
import jakarta.validation.constraints.Size;

import gov.workplan.targets.domain.TargetAmendments.Amendment;
import gov.workplan.targets.domain.TargetKind;

@Schema(name = "TargetAmendment", description = "A new value for a target, with the reason for it.")
public record AmendmentRequest(
        @Schema(description = "Defaults to the target's current kind.") TargetKind kind,
        @Schema(required = true, example = "32") BigDecimal value,
        @Schema(description = "Upper bound; only for RANGE.") BigDecimal maxValue,
        @Schema(required = true, example = "区政府申请调整：新引进项目投产") @Size(max = ContractLimits.REASON) String reason,
        @Schema(description = "The revision the caller read; the amendment is refused with 409 if the target has moved on since.", example = "0") Integer expectedRevision) {

    Amendment toAmendment() {
        return new Amendment(kind, value, maxValue, reason, expectedRevision);
    }
}
