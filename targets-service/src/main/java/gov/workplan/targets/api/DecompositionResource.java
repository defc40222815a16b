package gov.workplan.targets.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.DecompositionCheck;
import gov.workplan.targets.domain.Decompositions;
import gov.workplan.targets.domain.Indicator;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.PlanLookup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/plans/{plan}/decomposition")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decomposition", description = "Do the targets add up? (目标分解核对)")
public class DecompositionResource {

    @Inject
    PlanLookup lookup;

    @Inject
    Decompositions decompositions;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "Decomposition check", description = "For every indicator and year decomposed to child units "
            + "(the districts), the children's targets summed against the parent's (the city), and for every "
            + "indicator that is a sum of others (scale.total), its components summed against it. Every discrepancy "
            + "is listed: a different sum, a child without a target, a parent without one. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "400", description = "The year is not a year of the plan.")
    @APIResponse(responseCode = "404", description = "No such plan or indicator.")
    public DecompositionCheck.Report check(@PathParam("plan") String planCode,
            @Parameter(description = "Only this year.", example = "2012") @QueryParam("year") String yearText,
            @Parameter(description = "Only this indicator.", example = "scale.bio") @QueryParam("indicator") String indicatorCode) {
        Plan plan = lookup.plan(planCode);
        Integer year = lookup.year(plan, yearText, "year");
        Indicator indicator = indicatorCode == null ? null : lookup.indicator(plan, indicatorCode, "indicator");
        return decompositions.check(plan, year, indicator);
    }
}
