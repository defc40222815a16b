package gov.workplan.reporting.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.reporting.domain.Report;
import gov.workplan.reporting.domain.ReportStatus;
import gov.workplan.reporting.domain.ReportVersion;
import gov.workplan.reporting.domain.Reports;
import gov.workplan.reporting.persistence.PlanCopy;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Quarterly reports (报送): draft → submitted → accepted, or returned → resubmitted; corrections.")
public class ReportResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Inject
    Reports reports;

    @Inject
    Caller caller;

    @Inject
    PlanCopy plans;

    @Inject
    MeterRegistry registry;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "Find reports", description = "Filtered by plan, period, unit and status. A reporter sees only "
            + "its own unit's reports. Roles: office, leader, service; reporter (own unit).")
    @APIResponse(responseCode = "400", description = "A filter is invalid.")
    @APIResponse(responseCode = "403", description = "A reporter asked for another unit.")
    public List<ReportView> list(@Parameter(example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(example = "2011-Q1") @QueryParam("period") String period,
            @Parameter(example = "futian") @QueryParam("unit") String unit,
            @Parameter(description = "DRAFT, SUBMITTED, RETURNED, ACCEPTED or CORRECTION_REQUESTED.") @QueryParam("status") String status) {
        String scopedUnit = unit;
        if (caller.hasRole(Roles.REPORTER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.LEADER)
                && !caller.hasRole(Roles.SERVICE)) {
            scopedUnit = unit == null ? caller.unit().orElseThrow() : unit;
            ReportAccess.requireOwnUnit(caller, scopedUnit);
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (plan != null) {
            query.append(" and planCode = :plan");
            params.and("plan", plan);
        }
        if (period != null) {
            query.append(" and periodCode = :period");
            params.and("period", period);
        }
        if (scopedUnit != null) {
            query.append(" and unitCode = :unit");
            params.and("unit", scopedUnit);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status(status));
        }
        return Report.<Report> find(query + " order by planCode, periodCode, unitCode", params).list().stream()
                .map(r -> ReportView.of(r, reports)).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "One report", description = "Roles: office, leader, service; reporter (own unit).")
    @APIResponse(responseCode = "404", description = "No such report.")
    public ReportView one(@PathParam("id") String id) {
        return ReportView.of(readable(id), reports);
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "Every version of a report", description = "Oldest first: every draft, submission, review "
            + "and correction with who, when and why. Nothing is overwritten. Roles: office, leader, service; reporter (own unit).")
    @APIResponse(responseCode = "404", description = "No such report.")
    public List<ReportVersionView> versions(@PathParam("id") String id) {
        Report report = readable(id);
        return ReportVersion.<ReportVersion> list("reportId = ?1 order by version, id", report.id).stream()
                .map(v -> ReportVersionView.of(v, reports)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER })
    @Operation(summary = "Start a draft report", description = "One report per plan, period and unit. The content may be "
            + "incomplete; it is checked for shape only. Roles: reporter (own unit), office.")
    @APIResponse(responseCode = "201", description = "The draft.")
    @APIResponse(responseCode = "400", description = "Invalid fields, all named.")
    @APIResponse(responseCode = "404", description = "No such plan, period or unit.")
    @APIResponse(responseCode = "409", description = "The unit already has a report for the period.")
    public Response create(@Valid ReportRequests.NewReport request) {
        if (request == null) {
            throw ApiProblem.invalid("body", "plan, period and unit are required");
        }
        FieldErrors errors = new FieldErrors();
        if (request.plan() == null) {
            errors.add("plan", "is required");
        }
        if (request.period() == null) {
            errors.add("period", "is required");
        }
        if (request.unit() == null) {
            errors.add("unit", "is required");
        }
        errors.throwIfAny();
        ReportAccess.requireOwnUnit(caller, request.unit());
        Report report = reports.create(request.plan(), request.period(), request.unit(), request.content(), caller.id());
        return Response.created(URI.create("/api/v1/reports/" + report.id)).entity(ReportView.of(report, reports)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER })
    @Operation(summary = "Edit a draft or returned report", description = "Replaces the content; the earlier one stays "
            + "under /versions. Roles: reporter (own unit), office.")
    @APIResponse(responseCode = "409", description = "The report is submitted or accepted.")
    public ReportView edit(@PathParam("id") String id, @Parameter(description = "The report's ETag as last read; a stale one is refused with 412.") @HeaderParam("If-Match") String ifMatch,
            @Valid ReportRequests.Edit request) {
        Report report = writable(id);
        if (request == null || request.content() == null) {
            throw ApiProblem.invalid("content", "is required");
        }
        return ReportView.of(reports.edit(report.id, request.content(), ReportETag.expected(ifMatch), caller.id()), reports);
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER })
    @Operation(summary = "Submit a report", description = "Checks the content completely and answers every error at once; "
            + "a rejected submit changes nothing. The server stamps the time: ON_TIME before the period's deadline, "
            + "LATE (and by how much) after. With an Idempotency-Key, retries, even concurrent ones, make one submission "
            + "and answer it again as it was first answered (header Idempotency-Replayed: true); the key is the caller's "
            + "own and this action's, and the same key sent with another report is a 422. Roles: reporter (own unit), office.")
    @APIResponse(responseCode = "200", description = "Submitted (or the submission this key already made).")
    @APIResponse(responseCode = "400", description = "The report is incomplete or invalid; every error is named.")
    @APIResponse(responseCode = "409", description = "The report is not a draft or returned report.")
    @APIResponse(responseCode = "412", description = "If-Match names a version the report has moved on from.")
    @APIResponse(responseCode = "422", description = "The caller's Idempotency-Key was used for another report.")
    public Response submit(@PathParam("id") String id,
            @Parameter(description = "Any printable ASCII string up to 200 characters, new for each intended submission.")
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Parameter(description = "The report's ETag as last read; a stale one is refused with 412.") @HeaderParam("If-Match") String ifMatch) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiProblem.invalid("Idempotency-Key", "must be 1 to 200 printable ASCII characters");
        }
        // The caller's right to write the report is checked on the locked row, in the submission's transaction.
        Reports.Submission submission = reports.submit(uuid(id), idempotencyKey, ReportETag.expected(ifMatch), caller.id(),
                report -> ReportAccess.requireOwnUnit(caller, report.unitCode));
        if (!submission.replayed()) {
            // Counted once committed (submit is its own transaction); a replayed key is not a new submission.
            registry.counter("workplan.reports.submitted", "category", submission.unitCategory(),
                    "timeliness", String.valueOf(submission.report().timeliness)).increment();
        }
        ReportView answer = submission.replayed()
                ? ReportView.asOf(submission.report(), reports.versionOf(submission.report(), submission.version()), reports)
                : ReportView.of(submission.report(), reports);
        return Response.ok(answer).header("Idempotency-Replayed", submission.replayed() ? "true" : null).build();
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Accept a submitted report", description = "Role: office.")
    @APIResponse(responseCode = "409", description = "The report is not submitted.")
    public ReportView accept(@PathParam("id") String id, @Parameter(description = "The report's ETag as last read; a stale one is refused with 412.") @HeaderParam("If-Match") String ifMatch) {
        return ReportView.of(reports.accept(uuid(id), ReportETag.expected(ifMatch), caller.id()), reports);
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Return a submitted report for revision", description = "With the reason. Role: office.")
    @APIResponse(responseCode = "400", description = "No reason.")
    @APIResponse(responseCode = "409", description = "The report is not submitted.")
    public ReportView returnForRevision(@PathParam("id") String id, @Parameter(description = "The report's ETag as last read; a stale one is refused with 412.") @HeaderParam("If-Match") String ifMatch,
            @Valid ReportRequests.Return request) {
        return ReportView.of(reports.returnForRevision(uuid(id), request == null ? null : request.reason(),
                ReportETag.expected(ifMatch), caller.id()),
                reports);
    }

    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER })
    @Operation(summary = "Correct an accepted report", description = "Checked like a submission, with a reason. Four "
            + "eyes: a reporter's correction is a *request* — the report becomes CORRECTION_REQUESTED, the accepted "
            + "figures keep counting, and nothing changes for assessment until the office accepts it "
            + "(…/corrections/accept) or returns it with a reason (…/corrections/return). The office's own correction "
            + "takes effect at once. Every step is a version under /versions. Roles: reporter (own unit), office.")
    @APIResponse(responseCode = "201", description = "Corrected (office) or the correction requested (reporter).")
    @APIResponse(responseCode = "400", description = "Invalid content or no reason; every error is named.")
    @APIResponse(responseCode = "409", description = "The report is not accepted, or a correction already awaits the office.")
    public Response correct(@PathParam("id") String id, @Parameter(description = "The report's ETag as last read; a stale one is refused with 412.") @HeaderParam("If-Match") String ifMatch,
            @Valid ReportRequests.Correction request) {
        Report report = writable(id);
        if (request == null) {
            throw ApiProblem.invalid("body", "content and reason are required");
        }
        Report corrected = caller.hasRole(Roles.OFFICE)
                ? reports.correct(report.id, request.content(), request.reason(), ReportETag.expected(ifMatch), caller.id())
                : reports.requestCorrection(report.id, request.content(), request.reason(), ReportETag.expected(ifMatch),
                        caller.id());
        return Response.created(URI.create("/api/v1/reports/" + corrected.id + "/versions"))
                .entity(ReportView.of(corrected, reports)).build();
    }

    @POST
    @Path("{id}/corrections/accept")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Accept a unit's requested correction", description = "The proposal becomes the report's "
            + "content and counts from now on (report.corrected is published, with the unit's reason). Role: office.")
    @APIResponse(responseCode = "409", description = "No correction awaits the office.")
    public ReportView acceptCorrection(@PathParam("id") String id, @Parameter(description = "The report's ETag as last read; a stale one is refused with 412.") @HeaderParam("If-Match") String ifMatch) {
        return ReportView.of(reports.acceptCorrection(uuid(id), ReportETag.expected(ifMatch), caller.id()), reports);
    }

    @POST
    @Path("{id}/corrections/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Return a unit's requested correction", description = "With the reason; the accepted figures "
            + "stay as they were and the report is ACCEPTED again. Role: office.")
    @APIResponse(responseCode = "400", description = "No reason.")
    @APIResponse(responseCode = "409", description = "No correction awaits the office.")
    public ReportView returnCorrection(@PathParam("id") String id, @Parameter(description = "The report's ETag as last read; a stale one is refused with 412.") @HeaderParam("If-Match") String ifMatch,
            @Valid ReportRequests.Return request) {
        return ReportView.of(reports.returnCorrection(uuid(id), request == null ? null : request.reason(),
                ReportETag.expected(ifMatch), caller.id()),
                reports);
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Import past reports", description = "Migrates reports made before the system (e.g. the plan's "
            + "2011–2012 reports): each is checked like a submission, all before any is written, and stored as accepted "
            + "and imported with its original submission time, which decides its timeliness, with the import's reason "
            + "and source kept in its version. Only periods whose deadline passed before the plan was loaded here (or "
            + "before `reporting.import.cut-over`) may be imported; a period this system watched answers 409. Role: office.")
    @APIResponse(responseCode = "201", description = "Imported; the reports in the order given.")
    @APIResponse(responseCode = "400", description = "Invalid reports; every error is named, nothing is written.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    @APIResponse(responseCode = "409", description = "A period this system watched: its reports are made here.")
    public Response importPast(@Valid ReportRequests.Import request) {
        FieldErrors errors = new FieldErrors();
        if (request == null || request.plan() == null) {
            errors.add("plan", "is required");
        }
        if (request == null || request.reports() == null || request.reports().isEmpty()) {
            errors.add("reports", "must list at least one report");
        } else if (request.reports().size() > 10_000) {
            errors.add("reports", "at most 10000 reports per import");
        }
        errors.throwIfAny();
        List<ReportView> imported = reports.importPast(request.plan(), request.reports(), request.reason(),
                request.source(), caller.id()).stream()
                .map(r -> ReportView.of(r, reports)).toList();
        return Response.status(Response.Status.CREATED).entity(imported).build();
    }

    /** A report the caller may read: leader and service read all, a reporter only its unit's. */
    private Report readable(String id) {
        Report report = existing(id);
        if (!caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.SERVICE)) {
            ReportAccess.requireOwnUnit(caller, report.unitCode);
        }
        return report;
    }

    /** A report the caller may write: the office any, a reporter only its unit's. */
    private Report writable(String id) {
        Report report = existing(id);
        ReportAccess.requireOwnUnit(caller, report.unitCode);
        return report;
    }

    private static Report existing(String id) {
        Report report = Report.findById(uuid(id));
        if (report == null) {
            throw ApiProblem.notFound("id", "report", id);
        }
        return report;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "must be a report id (a UUID)");
        }
    }

    private static ReportStatus status(String text) {
        try {
            return ReportStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status", "must be one of DRAFT, SUBMITTED, RETURNED, ACCEPTED, CORRECTION_REQUESTED");
        }
    }
}
