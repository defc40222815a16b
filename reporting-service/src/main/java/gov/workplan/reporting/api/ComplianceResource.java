package gov.workplan.reporting.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Roles;
import gov.workplan.reporting.domain.Compliance;
import gov.workplan.reporting.domain.Period;
import gov.workplan.reporting.domain.Periods;
import gov.workplan.reporting.domain.Report;
import gov.workplan.reporting.persistence.PlanCopy;
import gov.workplan.reporting.domain.PlanInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "Who reported on time, late, or not at all (报送情况).")
public class ComplianceResource {

    @Inject
    PlanCopy plans;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A period's compliance", description = "Every expected unit's ON_TIME, LATE or MISSING "
            + "(PENDING while the deadline is ahead), judged by its first submission; the completeness rate (units that "
            + "submitted ÷ expected) and timeliness rate (on time ÷ expected). Roles: office, leader, service.")
    @APIResponse(responseCode = "400", description = "Plan or period missing.")
    @APIResponse(responseCode = "404", description = "No such plan or period.")
    public Compliance.Summary compliance(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String planCode,
            @Parameter(required = true, example = "2011-Q1") @QueryParam("period") String periodCode) {
        return summary(planCode, periodCode);
    }

    @GET
    @Path("export")
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A period's compliance as Excel", description = "The same figures as GET /api/v1/compliance, "
            + "as an .xlsx workbook: one row per expected unit, then the rates. Roles: office, leader, service.")
    @APIResponse(responseCode = "400", description = "Plan or period missing.")
    @APIResponse(responseCode = "404", description = "No such plan or period.")
    public Response export(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String planCode,
            @Parameter(required = true, example = "2011-Q1") @QueryParam("period") String periodCode) {
        Compliance.Summary s = summary(planCode, periodCode);
        List<List<Object>> rows = new ArrayList<>();
        s.units().forEach(u -> rows.add(Arrays.asList(u.unit(), plans.unitNameZh(u.unit()), u.category(), u.status().name(),
                u.firstSubmittedAt(), u.lateBySeconds(), u.imported())));
        rows.add(List.of());
        rows.add(Arrays.asList("完整率 Completeness", null, null, null, null, null, null, s.completenessRate()));
        rows.add(Arrays.asList("及时率 Timeliness", null, null, null, null, null, null, s.timelinessRate()));
        byte[] workbook = Xlsx.workbook(List.of(new Xlsx.Table("Compliance", s.plan() + " " + s.period()
                + " 报送情况 (compliance), deadline " + s.deadline(), List.of("单位代码 Unit", "单位 Name", "类别 Category",
                        "状态 Status", "首次报送 First submitted", "迟报秒数 Late by (s)", "导入 Imported", "比率 Rate"), rows)));
        return Xlsx.download(workbook, "compliance-" + s.plan() + "-" + s.period() + ".xlsx");
    }

    private Compliance.Summary summary(String planCode, String periodCode) {
        FieldErrors errors = new FieldErrors();
        if (planCode == null) {
            errors.add("plan", "is required");
        }
        if (periodCode == null) {
            errors.add("period", "is required");
        }
        errors.throwIfAny();
        PlanInfo plan = plans.plan(planCode).orElseThrow(() -> ApiProblem.notFound("plan", "plan", planCode));
        Period period = Periods.find(periodCode, plan.spanFrom(), plan.spanTo(), plan.rule())
                .orElseThrow(() -> ApiProblem.notFound("period", "reporting period of " + plan.code(), periodCode));
        Map<String, Compliance.Submitted> submitted = new HashMap<>();
        Report.<Report> list("planCode = ?1 and periodCode = ?2", plan.code(), period.code())
                .forEach(r -> submitted.put(r.unitCode, new Compliance.Submitted(r.firstSubmittedAt, r.imported)));
        return Compliance.of(plan.code(), period, plans.expected(plan.code(), period.year()), submitted, clock.instant());
    }
}
