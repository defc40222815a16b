package gov.workplan.assessment.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Rankings;
import gov.workplan.assessment.domain.Scoring;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/units/{unit}/assessment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unit assessment", description = "Every point of a unit's score, explained.")
public class UnitAssessmentResource {

    @Inject
    Rankings rankings;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.REPORTER })
    @Operation(summary = "A unit's assessment breakdown", description = "Score, the weighted components, each indicator's "
            + "completion, progress and status, the tasks due and overdue, and the timeliness penalties. Roles: office, "
            + "leader; reporter (own unit).")
    @APIResponse(responseCode = "200", description = "The breakdown.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scoring.Breakdown.class)))
    @APIResponse(responseCode = "400", description = "Plan or period missing or malformed.")
    @APIResponse(responseCode = "404", description = "No assessment of the unit for the period yet.")
    public Response breakdown(@PathParam("unit") String unit,
            @Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011-Q2") @QueryParam("period") String period) {
        FieldErrors errors = new FieldErrors();
        if (plan == null) {
            errors.add("plan", "is required");
        }
        if (period == null || PeriodCode.parse(period).isEmpty()) {
            errors.add("period", "is required, like 2011-Q2");
        }
        errors.throwIfAny();
        if (caller.hasRole(Roles.REPORTER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.LEADER)
                && !caller.unit().map(unit::equals).orElse(false)) {
            throw ApiProblem.forbidden("a reporter sees only its own unit's assessment");
        }
        String breakdown = rankings.breakdown(plan, period, unit);
        if (breakdown == null) {
            throw ApiProblem.notFound("unit", "assessment of " + plan + " " + period + " for unit", unit);
        }
        return Response.ok(breakdown, MediaType.APPLICATION_JSON).build();
    }
}
