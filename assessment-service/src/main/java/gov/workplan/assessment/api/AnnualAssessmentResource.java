package gov.workplan.assessment.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.annual.AnnualRankings;
import gov.workplan.assessment.domain.annual.AnnualRankings.AnnualCategory;
import gov.workplan.assessment.domain.annual.AnnualScoring;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.problem.ApiProblem;
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

/** The live (provisional) annual assessment: what would be frozen now, and every point of it. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment")
public class AnnualAssessmentResource {

    @Inject
    AnnualRankings rankings;

    @Inject
    AssessmentStore store;

    @Inject
    Caller caller;

    @GET
    @Path("annual-assessments")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A year's provisional grades and ranking", description = "Per unit category: each unit's score, "
            + "grade (等次: bands, quotas, vetoes, with the reason in words), rank and chief officials of the year. Live: "
            + "recalculated on every report, official statistic and entry of the office. Roles: office, leader.")
    @APIResponse(responseCode = "400", description = "year malformed.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<AnnualCategory> ranking(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText,
            @Parameter(example = "DISTRICT") @QueryParam("category") String category) {
        int year = OfficialStatisticsResource.year(yearText);
        store.requirePlan(plan);
        return rankings.of(plan, year, category);
    }

    @GET
    @Path("units/{unit}/annual-assessment")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.REPORTER })
    @Operation(summary = "A unit's provisional annual breakdown", description = "Every line, each with its id: indicators "
            + "(the official value where there is one, the unit's own beside it), tasks, timeliness, judged, bonus, penalty "
            + "and veto items. Roles: office, leader; reporter (own unit).")
    @APIResponse(responseCode = "200", description = "The breakdown.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualScoring.Breakdown.class)))
    @APIResponse(responseCode = "400", description = "year malformed.")
    @APIResponse(responseCode = "403", description = "A reporter asking for another unit.")
    @APIResponse(responseCode = "404", description = "No annual assessment of the unit for the year yet.")
    public Response breakdown(@PathParam("unit") String unit,
            @Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText) {
        int year = OfficialStatisticsResource.year(yearText);
        requireOwnUnit(caller, unit);
        String breakdown = rankings.breakdown(plan, year, unit);
        if (breakdown == null) {
            throw ApiProblem.notFound("unit", "annual assessment of " + plan + " " + year + " for unit", unit);
        }
        return Response.ok(breakdown, MediaType.APPLICATION_JSON).build();
    }

    /** A reporter reads its own unit only; office and leader read every unit. */
    static void requireOwnUnit(Caller caller, String unit) {
        if (caller.hasRole(Roles.REPORTER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.LEADER)
                && !caller.unit().map(unit::equals).orElse(false)) {
            throw ApiProblem.forbidden("a reporter sees only its own unit's assessment");
        }
    }
}
