package gov.workplan.targets.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.Indicator;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.PlanLookup;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/plans/{plan}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The quantitative goals (指标) of a plan.")
public class IndicatorResource {

    @Inject
    PlanLookup lookup;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A plan's indicators", description = "In the plan's order, with unit of measure, industry "
            + "and statistical caliber. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "404", description = "No such plan or industry.")
    public List<IndicatorView> list(@PathParam("plan") String planCode,
            @Parameter(description = "Only this industry's indicators.", example = "bio") @QueryParam("industry") String industry) {
        Plan plan = lookup.plan(planCode);
        if (industry != null && !plan.industryCodes.contains(industry)) {
            throw ApiProblem.notFound("industry", "industry", industry);
        }
        List<Indicator> indicators = industry == null
                ? Indicator.list("planCode", Sort.by("position"), plan.code)
                : Indicator.list("planCode = ?1 and industryCode = ?2", Sort.by("position"), plan.code, industry);
        return indicators.stream().map(IndicatorView::of).toList();
    }

    @GET
    @Path("{indicator}")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "One indicator", description = "Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "404", description = "No such plan or indicator.")
    public IndicatorView one(@PathParam("plan") String planCode, @PathParam("indicator") String code) {
        Plan plan = lookup.plan(planCode);
        return IndicatorView.of(lookup.indicator(plan, code, "indicator"));
    }
}
