package gov.workplan.targets.api;

import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.PlanLookup;
import gov.workplan.targets.domain.Unit;
import gov.workplan.targets.domain.UnitCategory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Responsible units (责任单位): the city, districts, departments.")
public class UnitResource {

    @Inject
    PlanLookup lookup;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "Units", description = "Every registered unit, the city first, then districts, departments, "
            + "enterprises and the leading group. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "400", description = "Unknown category.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<UnitView> list(
            @Parameter(description = "Only units of this category: CITY, DISTRICT, DEPARTMENT, ENTERPRISE, LEADING_GROUP.") @QueryParam("category") String category,
            @Parameter(description = "Only units taking part in this plan.", example = "szfb-2010-98") @QueryParam("plan") String planCode) {
        UnitCategory wanted = null;
        if (category != null) {
            try {
                wanted = UnitCategory.valueOf(category);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("category", "must be one of CITY, DISTRICT, DEPARTMENT, ENTERPRISE, LEADING_GROUP");
            }
        }
        List<Unit> units = Unit.listAll();
        if (planCode != null) {
            Plan plan = lookup.plan(planCode);
            units = units.stream().filter(u -> plan.unitCodes.contains(u.code)).toList();
        }
        UnitCategory only = wanted;
        return units.stream()
                .filter(u -> only == null || u.category == only)
                .sorted(Comparator.comparing((Unit u) -> u.category).thenComparingLong(u -> u.ordinal))
                .map(UnitView::of)
                .toList();
    }

    @GET
    @Path("{unit}")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "One unit", description = "Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "404", description = "No such unit.")
    public UnitView one(@PathParam("unit") String code) {
        return UnitView.of(lookup.unit(code, "unit"));
    }
}
