package gov.workplan.common.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit entry as it is recorded and as the audit endpoint shows it. */
@Schema(name = "AuditEntry", description = "One audited request: a write, or a refused access.")
public record AuditRecord(
        @Schema(example = "2026-11-25T06:15:00Z") Instant occurredAt,
        @Schema(description = "Subject of the token, or `anonymous`.", example = "office-wang") String actor,
        @Schema(example = "office") String roles,
        @Schema(description = "The unit a reporter speaks for.", example = "futian") String unit,
        @Schema(example = "POST /api/v1/plans/szfb-2010-98/targets/futian/scale.bio/2012/amendments") String action,
        AuditOutcome outcome,
        @Schema(example = "201") int status,
        @Schema(example = "10.0.3.17") String remoteAddress) {

    static AuditRecord of(AuditEntry e) {
        return new AuditRecord(e.occurredAt, e.actor, e.roles, e.unitCode, e.action, e.outcome, e.status,
                e.remoteAddress);
    }

    AuditEntry toEntity() {
        AuditEntry e = new AuditEntry();
        e.occurredAt = occurredAt;
        e.actor = truncate(actor, 200);
        e.roles = truncate(roles, 200);
        e.unitCode = truncate(unit, 64);
        e.action = truncate(action, 500);
        e.outcome = outcome;
        e.status = status;
        e.remoteAddress = truncate(remoteAddress, 100);
        return e;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
