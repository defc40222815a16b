package gov.workplan.common.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who wrote what, and who was refused, in this service.")
public class AuditResource {

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "Audit entries, newest first", description = "Every write and every refused access (401/403) "
            + "of this service: who, what, when, from where, and the outcome. Tokens are never recorded. "
            + "Roles: office, leader.")
    public List<AuditRecord> list(
            @Parameter(description = "Only this actor (token subject).") @QueryParam("actor") String actor,
            @Parameter(description = "Only this outcome: SUCCESS, REJECTED, DENIED, UNAUTHENTICATED, FAILED.") @QueryParam("outcome") String outcome,
            @Parameter(description = "At most this many entries, 1 to 1000; 100 by default.") @QueryParam("limit") String limit) {
        FieldErrors errors = new FieldErrors();
        AuditOutcome wantedOutcome = null;
        if (outcome != null) {
            try {
                wantedOutcome = AuditOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                errors.add("outcome", "must be one of SUCCESS, REJECTED, DENIED, UNAUTHENTICATED, FAILED");
            }
        }
        int max = 100;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
                if (max < 1 || max > 1000) {
                    errors.add("limit", "must be between 1 and 1000");
                }
            } catch (NumberFormatException e) {
                errors.add("limit", "must be a whole number between 1 and 1000");
            }
        }
        errors.throwIfAny();
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (actor != null) {
            query.append(" and actor = :actor");
            params.and("actor", actor);
        }
        if (wantedOutcome != null) {
            query.append(" and outcome = :outcome");
            params.and("outcome", wantedOutcome);
        }
        return AuditEntry.<AuditEntry> find(query.toString(), Sort.descending("id"), params)
                .page(0, max).list().stream().map(AuditRecord::of).toList();
    }
}
