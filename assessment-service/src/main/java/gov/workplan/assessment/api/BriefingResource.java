package gov.workplan.assessment.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.Briefing;
import gov.workplan.assessment.domain.Briefings;
import gov.workplan.assessment.domain.annual.Reconciliation;
import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/briefings")
@Tag(name = "Briefings", description = "A period's briefing (简报).")
public class BriefingResource {

    @Inject
    Briefings briefings;

    @Inject
    AssessmentStore store;

    @Inject
    Reconciliation reconciliation;

    @GET
    @Produces({ "text/markdown;charset=utf-8", "text/html;charset=utf-8" })
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A period's briefing", description = "Completion by industry and by district, the top and "
            + "bottom units of each ranking, late and missing reports, the biggest movers; for a fourth quarter, once "
            + "official statistics exist, data quality (统计数据质量): the year-end figures units reported against the "
            + "official ones, those beyond the threshold listed. Markdown by default; HTML with `format=html`. Roles: "
            + "office, leader.")
    @APIResponse(responseCode = "400", description = "Plan, period or format invalid.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Response briefing(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011-Q2") @QueryParam("period") String period,
            @Parameter(description = "markdown (default) or html.") @QueryParam("format") String format) {
        FieldErrors errors = new FieldErrors();
        if (plan == null) {
            errors.add("plan", "is required");
        }
        if (period == null || PeriodCode.parse(period).isEmpty()) {
            errors.add("period", "is required, like 2011-Q2");
        }
        if (format != null && !format.equals("markdown") && !format.equals("html")) {
            errors.add("format", "must be markdown or html");
        }
        errors.throwIfAny();
        store.requirePlan(plan);
        Briefing.Data data = briefings.of(plan, period);
        PeriodCode code = PeriodCode.parse(period).orElseThrow();
        if (code.quarter() == 4) {
            Reconciliation.Report quality = reconciliation.of(plan, code.year());
            if (quality.compared() > 0) {
                data = data.with(new Briefing.DataQuality(quality.compared(), quality.lines().stream()
                        .filter(Reconciliation.Line::flagged).map(l -> new Briefing.Discrepancy(l.unitNameZh(),
                                l.indicator(), l.selfReported(), l.official(), l.relativeDifference())).toList()));
            }
        }
        return "html".equals(format)
                ? Response.ok(Briefing.html(data), "text/html;charset=utf-8").build()
                : Response.ok(Briefing.markdown(data), "text/markdown;charset=utf-8").build();
    }
}
