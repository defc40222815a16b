package gov.workplan.targets.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.PlanLookup;
import gov.workplan.targets.domain.Task;
import gov.workplan.targets.domain.Unit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/plans/{plan}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "The numbered tasks (任务) of a plan and their responsible units.")
public class TaskResource {

    @Inject
    PlanLookup lookup;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A plan's tasks", description = "In the plan's order. With `unit`, only the tasks that unit "
            + "leads or shares, each marked with its role (LEAD or CO). Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "404", description = "No such plan or unit.")
    public List<TaskView> list(@PathParam("plan") String planCode,
            @Parameter(description = "Only this unit's tasks.", example = "futian") @QueryParam("unit") String unitCode) {
        Plan plan = lookup.plan(planCode);
        if (unitCode == null) {
            return Task.<Task> list("planCode = ?1 order by position", plan.code).stream()
                    .map(t -> TaskView.of(t, null)).toList();
        }
        Unit unit = lookup.unit(unitCode, "unit");
        return Task.<Task> list("select distinct t from Task t join t.responsibilities r "
                + "where t.planCode = ?1 and r.unitCode = ?2 order by t.position", plan.code, unit.code).stream()
                .map(t -> TaskView.of(t, unit.code)).toList();
    }

    @GET
    @Path("{task}")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "One task", description = "Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "404", description = "No such plan or task.")
    public TaskView one(@PathParam("plan") String planCode, @PathParam("task") String code) {
        Plan plan = lookup.plan(planCode);
        return TaskView.of(lookup.task(plan, code), null);
    }
}
