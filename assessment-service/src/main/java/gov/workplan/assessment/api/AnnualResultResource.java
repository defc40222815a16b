package gov.workplan.assessment.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.annual.AnnualResult;
import gov.workplan.assessment.domain.annual.AnnualResults;
import gov.workplan.assessment.domain.annual.Objection;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.problem.QueryNumbers;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.contracts.ContractLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The annual cycle: freeze → approve (审定) → notify → objections (申诉) and rulings → publish. Each step is
 * audited and announced on workplan.assessment.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment")
public class AnnualResultResource {

    @Inject
    AnnualResults results;

    @Inject
    AssessmentStore store;

    @Inject
    Caller caller;

    @Schema(name = "AnnualResult", description = "A version of a year's annual result.")
    public record ResultView(UUID id, String plan, int year, int version, AnnualResult.Status status, String reason,
            Instant frozenAt, String frozenBy, Instant approvedAt, String approvedBy, Instant notifiedAt, String notifiedBy,
            @Schema(description = "When the objection window (申诉期) closes.") Instant objectionsCloseAt,
            Instant publishedAt, String publishedBy, UUID supersededBy, AnnualResults.Snapshot snapshot) {
    }

    @Schema(name = "AnnualUnitResultView", description = "One unit's line of an annual result, with its objections.")
    public record UnitView(UUID resultId, String plan, int year, int version, AnnualResult.Status status,
            Instant objectionsCloseAt, AnnualResults.UnitResult result, List<ObjectionView> objections) {
    }

    @Schema(name = "Objection")
    public record ObjectionView(UUID id, UUID resultId, String plan, int year, String unit, String line, String reason,
            String evidence, String filedBy, Instant filedAt, Objection.Status status, String ruling, String ruledBy,
            Instant ruledAt) {
    }

    @Schema(name = "AnnualFreeze")
    public record FreezeRequest(@Schema(required = true, example = "szfb-2010-98") @Size(max = ContractLimits.CODE) String plan,
            @Schema(required = true, example = "2011") @Min(ContractLimits.MIN_YEAR) @Max(ContractLimits.MAX_YEAR) Integer year,
            @Schema(description = "Required for every version after the first: why it replaces the one before.")
            @Size(max = AnnualResults.MAX_REASON) String reason) {
    }

    @Schema(name = "NewObjection", description = "A unit objects to one line of its notified result.")
    public record NewObjection(@Schema(required = true, example = "futian") @Size(max = ContractLimits.CODE) String unit,
            @Schema(required = true, example = "indicator:scale.bio",
                    description = "A line of the unit's breakdown (every line carries its id), or `grade`.")
            @Size(max = ContractLimits.ANNUAL_LINE) String line,
            @Schema(required = true, example = "统计局核定数漏计了区属企业") @Size(max = AnnualResults.MAX_REASON) String reason,
            @Schema(example = "区统计局函〔2012〕3号") @Size(max = AnnualResults.MAX_EVIDENCE) String evidence) {
    }

    @Schema(name = "Ruling")
    public record Ruling(@Schema(required = true, example = "核实无误，维持原核定数") @Size(max = AnnualResults.MAX_REASON) String reason) {
    }

    @POST
    @Path("annual-results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Freeze a year's annual result", description = "Snapshots the live annual assessment — every "
            + "unit's score, grade, rank, chief officials and breakdown — as a new version, once the fourth quarter's "
            + "deadline has passed. A later version (a `reason` required) replaces one not yet notified, or a notified one "
            + "after an upheld objection; a published year is final. Role: office.")
    @APIResponse(responseCode = "201", description = "Frozen.")
    @APIResponse(responseCode = "400", description = "Plan or year missing or malformed, or a reason missing for a new version.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    @APIResponse(responseCode = "409", description = "The fourth quarter is still open, nothing is assessed yet, or the "
            + "current version may not be replaced.")
    public Response freeze(@Valid FreezeRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request == null || request.plan() == null || request.plan().isBlank()) {
            errors.add("plan", "is required");
        }
        if (request == null || request.year() == null) {
            errors.add("year", "is required");
        }
        errors.throwIfAny();
        OfficialStatisticsResource.requireYear(store.requirePlan(request.plan()), request.year());
        AnnualResult result = results.freeze(request.plan(), request.year(), request.reason(),
                store.deadline(request.plan(), AnnualResults.fourthQuarter(request.year())), caller.id());
        return Response.created(URI.create("/api/v1/annual-results/" + result.id)).entity(view(result)).build();
    }

    @GET
    @Path("annual-results")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A plan's annual results, every version", description = "Roles: office, leader.")
    @APIResponse(responseCode = "400", description = "year malformed.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<ResultView> list(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(example = "2011") @QueryParam("year") String yearText) {
        Integer year = QueryNumbers.wholeNumber(yearText, "year", ContractLimits.MIN_YEAR, ContractLimits.MAX_YEAR);
        store.requirePlan(plan);
        return results.of(plan, year).stream().map(this::view).toList();
    }

    @GET
    @Path("annual-results/{id}")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "One version of an annual result", description = "Roles: office, leader.")
    @APIResponse(responseCode = "404", description = "No such result.")
    public ResultView get(@PathParam("id") String id) {
        return view(results.find(uuid(id)));
    }

    @POST
    @Path("annual-results/{id}/approve")
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Approve a frozen annual result (审定)", description = "Whoever froze it may not. Role: leader.")
    @APIResponse(responseCode = "403", description = "The caller froze this result (separation of duties).")
    @APIResponse(responseCode = "404", description = "No such result.")
    @APIResponse(responseCode = "409", description = "The result is not frozen.")
    public ResultView approve(@PathParam("id") String id) {
        return view(results.approve(uuid(id), caller.id()));
    }

    @POST
    @Path("annual-results/{id}/notify")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Notify the units of an approved annual result", description = "Each unit may now read its own "
            + "result and object to a line of it until the objection window closes (working days, Asia/Shanghai: "
            + "`assessment.objection-window.working-days`); nothing is public yet. A version after an upheld objection keeps "
            + "the cycle's window. Role: office.")
    @APIResponse(responseCode = "404", description = "No such result.")
    @APIResponse(responseCode = "409", description = "The result is not approved.")
    public ResultView notifyUnits(@PathParam("id") String id) {
        return view(results.notifyUnits(uuid(id), caller.id()));
    }

    @POST
    @Path("annual-results/{id}/publish")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Publish an annual result", description = "Only the current, notified version, once the objection "
            + "window has closed, every objection is ruled and every upheld one is corrected in it. It becomes readable "
            + "without a token and an annual-result.published event goes to workplan.assessment. Whoever approved it may "
            + "not. Role: office.")
    @APIResponse(responseCode = "403", description = "The caller approved this result (separation of duties).")
    @APIResponse(responseCode = "404", description = "No such result.")
    @APIResponse(responseCode = "409", description = "Not notified, the window still open, an objection unruled, or an "
            + "upheld one not yet corrected.")
    public ResultView publish(@PathParam("id") String id) {
        return view(results.publish(uuid(id), caller.id()));
    }

    @GET
    @Path("annual-results/{id}/units/{unit}")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.REPORTER })
    @Operation(summary = "A unit's line of an annual result", description = "Score, grade, rank, chief officials, every "
            + "line of the breakdown (each with the id an objection names), and the unit's objections. A reporter reads its "
            + "own unit, once the result has been notified. Roles: office, leader; reporter (own unit).")
    @APIResponse(responseCode = "403", description = "A reporter asking for another unit, or before notification.")
    @APIResponse(responseCode = "404", description = "No such result, or the unit is not in it.")
    public UnitView unit(@PathParam("id") String id, @PathParam("unit") String unit) {
        AnnualResult result = results.find(uuid(id));
        AnnualAssessmentResource.requireOwnUnit(caller, unit);
        if (isOnlyReporter() && result.notifiedAt == null) {
            throw ApiProblem.forbidden("the units read their results once the office has notified them");
        }
        AnnualResults.UnitResult line = results.snapshot(result).unit(unit)
                .orElseThrow(() -> ApiProblem.notFound("unit", "unit in this result", unit));
        return new UnitView(result.id, result.planCode, result.year, result.version, result.status,
                result.objectionsCloseAt, line, results.objections(result.id, unit).stream()
                        .map(AnnualResultResource::view).toList());
    }

    @POST
    @Path("annual-results/{id}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(summary = "Object to a line of the unit's result (申诉)", description = "Within the objection window, naming "
            + "one line of the unit's breakdown, with a reason and evidence. Role: reporter (own unit).")
    @APIResponse(responseCode = "201", description = "Filed; the office rules on it.")
    @APIResponse(responseCode = "400", description = "A field missing or too long, or not a line of the unit's breakdown.")
    @APIResponse(responseCode = "403", description = "Another unit's result.")
    @APIResponse(responseCode = "404", description = "No such result, or the unit is not in it.")
    @APIResponse(responseCode = "409", description = "Not notified, the window closed, or the same line already awaits a ruling.")
    public Response object(@PathParam("id") String id, @Valid NewObjection request) {
        if (request == null) {
            throw ApiProblem.invalid("body", "unit, line and reason are required");
        }
        if (request.unit() == null || !caller.unit().map(request.unit()::equals).orElse(false)) {
            throw ApiProblem.forbidden("a reporter objects only to its own unit's result");
        }
        Objection o = results.object(uuid(id), request.unit(), request.line(), request.reason(), request.evidence(),
                caller.id());
        return Response.created(URI.create("/api/v1/annual-results/" + id + "/objections")).entity(view(o)).build();
    }

    @GET
    @Path("annual-results/{id}/objections")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.REPORTER })
    @Operation(summary = "The objections of the year's cycle", description = "Every objection against any version of the "
            + "year, with its ruling; a reporter sees its own unit's. Roles: office, leader; reporter (own unit).")
    @APIResponse(responseCode = "404", description = "No such result.")
    public List<ObjectionView> objections(@PathParam("id") String id) {
        String unit = isOnlyReporter() ? caller.unit().orElseThrow(() -> ApiProblem.forbidden("a reporter needs its unit"))
                : null;
        return results.objections(uuid(id), unit).stream().map(AnnualResultResource::view).toList();
    }

    @POST
    @Path("objections/{id}/uphold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Uphold an objection", description = "With the reason. Correct the input the line comes from "
            + "(an official statistic, an entry), then freeze, approve and notify a new version; publication waits for it. "
            + "Role: office.")
    @APIResponse(responseCode = "400", description = "The reason missing.")
    @APIResponse(responseCode = "404", description = "No such objection.")
    @APIResponse(responseCode = "409", description = "Already ruled.")
    public ObjectionView uphold(@PathParam("id") String id, @Valid Ruling ruling) {
        return view(results.rule(uuid(id), true, ruling == null ? null : ruling.reason(), caller.id()));
    }

    @POST
    @Path("objections/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Reject an objection", description = "With the reason, which the unit reads. Role: office.")
    @APIResponse(responseCode = "400", description = "The reason missing.")
    @APIResponse(responseCode = "404", description = "No such objection.")
    @APIResponse(responseCode = "409", description = "Already ruled.")
    public ObjectionView reject(@PathParam("id") String id, @Valid Ruling ruling) {
        return view(results.rule(uuid(id), false, ruling == null ? null : ruling.reason(), caller.id()));
    }

    private boolean isOnlyReporter() {
        return caller.hasRole(Roles.REPORTER) && !caller.hasRole(Roles.OFFICE) && !caller.hasRole(Roles.LEADER);
    }

    private ResultView view(AnnualResult r) {
        return new ResultView(r.id, r.planCode, r.year, r.version, r.status, r.reason, r.frozenAt, r.frozenBy, r.approvedAt,
                r.approvedBy, r.notifiedAt, r.notifiedBy, r.objectionsCloseAt, r.publishedAt, r.publishedBy, r.supersededBy,
                results.snapshot(r));
    }

    static ObjectionView view(Objection o) {
        return new ObjectionView(o.id, o.resultId, o.planCode, o.year, o.unitCode, o.line, o.reason, o.evidence, o.filedBy,
                o.filedAt, o.status, o.ruling, o.ruledBy, o.ruledAt);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.invalid("id", "must be an id (a UUID)");
        }
    }
}
