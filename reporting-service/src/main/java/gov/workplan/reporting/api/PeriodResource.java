package gov.workplan.reporting.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Roles;
import gov.workplan.reporting.domain.ExpectedReport;
import gov.workplan.reporting.domain.Periods;
import gov.workplan.reporting.persistence.PlanCopy;
import gov.workplan.reporting.domain.PlanInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periods", description = "Reporting periods, due dates, and who owes what.")
public class PeriodResource {

    @Inject
    PlanCopy plans;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A plan's reporting periods", description = "Every quarter across the plan's span with its due "
            + "date, by the plan's rule (the seed: day 10 of the next quarter's first month, end of day, Asia/Shanghai). "
            + "Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "400", description = "No plan given.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<PeriodView> list(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String planCode) {
        PlanInfo plan = plan(planCode);
        Instant now = clock.instant();
        return Periods.of(plan.spanFrom(), plan.spanTo(), plan.rule()).stream()
                .map(p -> PeriodView.of(p, plan.rule().zone().getId(), now)).toList();
    }

    @GET
    @Path("{period}/expected")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "Expected reports of a period", description = "Every unit with a target or a task in the plan "
            + "owes a report: a year-to-date value for each indicator it has a target for in the period's year, and the "
            + "progress of each task it leads or shares. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "400", description = "No plan given.")
    @APIResponse(responseCode = "404", description = "No such plan or period.")
    public List<ExpectedReport> expected(@PathParam("period") String periodCode,
            @Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String planCode,
            @Parameter(description = "Only this unit.", example = "futian") @QueryParam("unit") String unit) {
        PlanInfo plan = plan(planCode);
        int year = Periods.find(periodCode, plan.spanFrom(), plan.spanTo(), plan.rule())
                .orElseThrow(() -> ApiProblem.notFound("period", "reporting period of " + plan.code(), periodCode))
                .year();
        List<ExpectedReport> expected = plans.expected(plan.code(), year);
        return unit == null ? expected : expected.stream().filter(e -> e.unit().equals(unit)).toList();
    }

    private PlanInfo plan(String code) {
        if (code == null || code.isBlank()) {
            throw ApiProblem.invalid("plan", "is required");
        }
        return plans.plan(code).orElseThrow(() -> ApiProblem.notFound("plan", "plan", code));
    }
}
