package gov.workplan.reporting.api;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.reporting.domain.Report;
import gov.workplan.reporting.domain.ReportStatus;
import gov.workplan.reporting.domain.Reports;
import gov.workplan.reporting.domain.SubmissionRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The Excel way to report: download the unit's template, fill it in, upload it as a draft. */
@Path("/api/v1/report-workbooks")
@Tag(name = "Report workbooks", description = "Excel report templates (报送表): generated per unit and period, "
        + "uploaded back as draft reports.")
public class ReportWorkbookResource {

    @Inject
    Reports reports;

    @Inject
    Caller caller;

    @GET
    @Path("template")
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER })
    @Operation(summary = "A unit's report template", description = "An .xlsx built from what the unit owes for the "
            + "period: its indicators with targets that year, and its tasks. Values of the unit's draft or returned "
            + "report, if any, are filled in. Roles: reporter (own unit), office.")
    @APIResponse(responseCode = "400", description = "Plan, period or unit missing, or the unit does not report.")
    @APIResponse(responseCode = "403", description = "A reporter asked for another unit.")
    @APIResponse(responseCode = "404", description = "No such plan, period or unit.")
    public Response template(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011-Q2") @QueryParam("period") String period,
            @Parameter(required = true, example = "futian") @QueryParam("unit") String unit) {
        FieldErrors errors = new FieldErrors();
        if (plan == null) {
            errors.add("plan", "is required");
        }
        if (period == null) {
            errors.add("period", "is required");
        }
        if (unit == null) {
            errors.add("unit", "is required");
        }
        errors.throwIfAny();
        ReportAccess.requireOwnUnit(caller, unit);
        Reports.Context ctx = reports.context(plan, period, unit);
        Report current = Report.find("planCode = ?1 and periodCode = ?2 and unitCode = ?3", plan, period, unit)
                .firstResult();
        byte[] workbook = ReportWorkbook.template(plan, ctx.plan().title(), ctx.period(), ctx.expected(),
                current == null ? null : reports.content(current));
        return Xlsx.download(workbook, "report-" + plan + "-" + period + "-" + unit + ".xlsx");
    }

    @POST
    @Consumes(Xlsx.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER })
    @Operation(summary = "Upload a filled template as a draft", description = "The request names the unit it uploads "
            + "for (`unit`); a reporter may upload only for its own unit, and that is decided before the file is read. "
            + "The file's unit (cell B4) must be that unit; its plan and period (B2, B3) say which report it fills. "
            + "Creates the unit's draft report, or edits its draft or returned report (a new version). The file is read "
            + "within bounds (2 MB, 10 MB unpacked, 8 sheets, 5,000 rows a sheet, 4,000 characters a cell, numbers of "
            + "at most 30 characters and 10 decimals); formulas are refused, never evaluated. Every error names its "
            + "cell, e.g. `Indicators!F8`; an upload with errors changes nothing. Submitting stays a separate, "
            + "deliberate step (POST /api/v1/reports/{id}/submit). Roles: reporter (own unit), office.")
    @APIResponse(responseCode = "200", description = "The draft or returned report, edited.")
    @APIResponse(responseCode = "201", description = "A new draft report.")
    @APIResponse(responseCode = "400", description = "Not a template, beyond a limit, or cells in error; every one is named.")
    @APIResponse(responseCode = "403", description = "A reporter uploaded for another unit.")
    @APIResponse(responseCode = "409", description = "The unit's report is submitted or accepted: correct it instead.")
    @APIResponse(responseCode = "413", description = "The file is larger than 2 MB, or unpacks to more than 10 MB.")
    public Response upload(@Parameter(required = true, description = "The unit the file reports for; must equal "
            + "its cell B4.", example = "futian") @QueryParam("unit") String unit, byte[] file) {
        if (unit == null || unit.isBlank()) {
            throw ApiProblem.invalid("unit", "is required: the unit the file reports for, e.g. ?unit=futian");
        }
        ReportAccess.requireOwnUnit(caller, unit);
        ReportWorkbook.Read read = ReportWorkbook.read(file);
        read.errors().throwIfAny();
        ReportWorkbook.Header h = read.header();
        if (!unit.equals(h.unit())) {
            throw ApiProblem.invalid(ReportWorkbook.INDICATORS + "!B4", "is the unit '" + h.unit()
                    + "', but the upload is for '" + unit + "': upload each unit's own template");
        }
        Reports.Context ctx = reports.context(h.plan(), h.period(), h.unit());
        read.inCells(SubmissionRules.checkDraft(read.content(), ctx.expected())).throwIfAny();
        Report existing = Report.find("planCode = ?1 and periodCode = ?2 and unitCode = ?3", h.plan(), h.period(), h.unit())
                .firstResult();
        if (existing == null) {
            Report created = reports.create(h.plan(), h.period(), h.unit(), read.content(), caller.id());
            return Response.created(URI.create("/api/v1/reports/" + created.id)).entity(ReportView.of(created, reports))
                    .build();
        }
        if (existing.status != ReportStatus.DRAFT && existing.status != ReportStatus.RETURNED) {
            throw ApiProblem.conflict("status", "the unit's " + h.period() + " report is " + existing.status
                    + "; change it through POST /api/v1/reports/" + existing.id + "/corrections");
        }
        return Response.ok(ReportView.of(reports.edit(existing.id, read.content(), null, caller.id()), reports)).build();
    }
}
