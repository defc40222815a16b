package gov.workplan.assessment.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.Rankings;
import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/assessments/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class RebuildResource {

    @Inject
    Recalculation recalculation;

    @Inject
    AssessmentStore store;

    @Inject
    Rankings rankings;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Recompute a plan's assessments from scratch", description = "From the stored targets, tasks, "
            + "reports and schemes alone; gives the same numbers as the incremental recalculation. Frozen results are "
            + "untouched. Answers the year's latest rankings. Role: office.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<Rankings.CategoryRanking> rebuild(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan) {
        store.requirePlan(plan);
        recalculation.rebuild(plan);
        var periods = store.activePeriods(plan);
        return periods.isEmpty() ? List.of() : rankings.of(plan, periods.get(periods.size() - 1).code(), null);
    }
}
