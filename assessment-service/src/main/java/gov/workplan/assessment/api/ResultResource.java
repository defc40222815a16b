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

import gov.workplan.assessment.domain.AssessmentResult;
import gov.workplan.assessment.domain.FreezeRules;
import gov.workplan.assessment.domain.RankingChanged.RankingView;
import gov.workplan.assessment.domain.Rankings;
import gov.workplan.assessment.domain.Results;
import gov.workplan.assessment.domain.annual.AnnualResult;
import gov.workplan.assessment.domain.annual.AnnualResults;
import gov.workplan.assessment.domain.annual.Grade;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.contracts.ContractLimits;
import gov.workplan.common.problem.QueryNumbers;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "Frozen, approved (审定) and published assessment results.")
public class ResultResource {

    @Inject
    Results results;

    @Inject
    AssessmentStore store;

    @Inject
    Caller caller;

    @Inject
    AnnualResults annualResults;

    @Schema(name = "AssessmentResult", description = "A period's ranking frozen into an immutable snapshot.")
    public record ResultView(UUID id, String plan, String period, int year, AssessmentResult.Status status,
            Results.Snapshot snapshot, Instant frozenAt, String frozenBy, Instant approvedAt, String approvedBy,
            Instant publishedAt, String publishedBy) {
    }

    @Schema(name = "PublishedRanking", description = "A published result as the public sees it: a quarter's ranking, or "
            + "the year's annual assessment (kind ANNUAL, period the year) with its grades in `annual`.")
    public record PublicView(UUID id, String plan, String period, int year, Instant publishedAt,
            Results.Snapshot snapshot, @Schema(description = "QUARTERLY or ANNUAL.") String kind,
            @Schema(description = "The annual grades (等次); null for a quarter.") AnnualPublic annual) {
    }

    @Schema(name = "PublishedAnnualResult", description = "A published annual result (年度考核结果): grades, scores, ranks "
            + "and chief officials, as frozen.")
    public record AnnualPublic(int version, List<AnnualPublicCategory> categories) {
    }

    @Schema(name = "PublishedAnnualCategory")
    public record AnnualPublicCategory(String category, List<AnnualPublicEntry> entries) {
    }

    @Schema(name = "PublishedAnnualEntry")
    public record AnnualPublicEntry(String unit, String unitNameZh, String unitNameEn, List<String> chiefOfficials,
            java.math.BigDecimal score, Grade grade, String gradeZh, int rank,
            @Schema(description = "Lines changed after an upheld objection (申诉后更正).") List<String> changedAfterObjection) {
    }

    @Schema(name = "Freeze", description = "Which period's ranking to freeze.")
    public record FreezeRequest(@Schema(required = true, example = "szfb-2010-98") @Size(max = ContractLimits.CODE) String plan,
            @Schema(required = true, example = "2011-Q2") @Size(max = ContractLimits.PERIOD) String period,
            @Schema(description = "Required while reports of the period still await the office's review: why the "
                    + "result is frozen now. Kept in the snapshot with the units it covered.")
            @Size(max = FreezeRules.MAX_REASON) String overrideReason) {
    }

    @POST
    @Path("results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Freeze a period's ranking", description = "Snapshots the current rankings of every category "
            + "into a result; it never changes afterwards. Only after the period's deadline (409 before: units may "
            + "still report). While reports still await review (SUBMITTED, not accepted), only with an `overrideReason`, "
            + "kept in the snapshot with those units. Role: office.")
    @APIResponse(responseCode = "201", description = "Frozen.")
    @APIResponse(responseCode = "400", description = "Plan or period missing or malformed.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    @APIResponse(responseCode = "409", description = "Nothing ranked for that period yet, its deadline has not passed, "
            + "or reports await review and no overrideReason was given.")
    public Response freeze(@Valid FreezeRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request == null || request.plan() == null) {
            errors.add("plan", "is required");
        }
        if (request == null || request.period() == null) {
            errors.add("period", "is required");
        }
        errors.throwIfAny();
        store.requirePlan(request.plan());
        AssessmentResult result = results.freeze(request.plan(), request.period(), request.overrideReason(),
                store.deadline(request.plan(), request.period()), store.unreviewed(request.plan(), request.period()),
                caller.id());
        return Response.created(URI.create("/api/v1/results/" + result.id)).entity(view(result)).build();
    }

    @POST
    @Path("results/{id}/approve")
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Approve a frozen result (审定)", description = "Role: leader.")
    @APIResponse(responseCode = "404", description = "No such result.")
    @APIResponse(responseCode = "409", description = "The result is not frozen.")
    public ResultView approve(@PathParam("id") String id) {
        return view(results.approve(uuid(id), caller.id()));
    }

    @POST
    @Path("results/{id}/publish")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Publish an approved result", description = "It becomes readable without a token and a "
            + "ranking.published event goes to workplan.assessment. Role: office.")
    @APIResponse(responseCode = "404", description = "No such result.")
    @APIResponse(responseCode = "409", description = "The result is not approved.")
    public ResultView publish(@PathParam("id") String id) {
        return view(results.publish(uuid(id), caller.id()));
    }

    @GET
    @Path("results")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A plan's results, every status", description = "Roles: office, leader.")
    public List<ResultView> list(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan) {
        store.requirePlan(plan);
        return AssessmentResult.<AssessmentResult> list("planCode = ?1 order by periodCode, frozenAt", plan).stream()
                .map(this::view).toList();
    }

    @GET
    @Path("public/rankings")
    @PermitAll
    @Operation(summary = "Published rankings (public)", description = "No token needed. Only published results, each "
            + "exactly as frozen; a later correction leads to a new result, and both stay readable. A year's published "
            + "annual assessment follows its quarters (kind ANNUAL), with grades.")
    @APIResponse(responseCode = "400", description = "Plan missing.")
    public List<PublicView> published(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(example = "2011") @QueryParam("year") String yearText) {
        Integer year = QueryNumbers.year(yearText, "year");
        if (plan == null || plan.isBlank()) {
            throw ApiProblem.invalid("plan", "is required");
        }
        List<AssessmentResult> published = year == null
                ? AssessmentResult.list("planCode = ?1 and status = ?2 order by periodCode, publishedAt", plan,
                        AssessmentResult.Status.PUBLISHED)
                : AssessmentResult.list("planCode = ?1 and year = ?2 and status = ?3 order by periodCode, publishedAt",
                        plan, year, AssessmentResult.Status.PUBLISHED);
        List<PublicView> views = new java.util.ArrayList<>(published.stream().map(r -> new PublicView(r.id, r.planCode,
                r.periodCode, r.year, r.publishedAt, results.snapshot(r), "QUARTERLY", null)).toList());
        annualResults.publishedOf(plan, year).forEach(a -> views.add(annualView(a)));
        views.sort(java.util.Comparator.comparingInt(PublicView::year));
        return views;
    }

    private PublicView annualView(AnnualResult result) {
        AnnualResults.Snapshot s = annualResults.snapshot(result);
        List<Rankings.CategoryRanking> rankings = s.categories().stream().map(c -> new Rankings.CategoryRanking(
                result.planCode, String.valueOf(result.year), c.category(), c.units().stream()
                        .map(u -> new RankingView(u.unit(), u.unitNameZh(), u.score(), u.rank(), null)).toList())).toList();
        AnnualPublic annual = new AnnualPublic(result.version, s.categories().stream().map(c -> new AnnualPublicCategory(
                c.category(), c.units().stream().map(u -> new AnnualPublicEntry(u.unit(), u.unitNameZh(), u.unitNameEn(),
                        u.chiefOfficials().stream().map(o -> o.name()).toList(), u.score(), u.grade(), u.gradeZh(), u.rank(),
                        u.changedAfterObjection())).toList())).toList());
        return new PublicView(result.id, result.planCode, String.valueOf(result.year), result.year, result.publishedAt,
                new Results.Snapshot(result.planCode, String.valueOf(result.year), result.year, s.frozenAt(), rankings, null,
                        null, List.of()), "ANNUAL", annual);
    }

    private ResultView view(AssessmentResult r) {
        return new ResultView(r.id, r.planCode, r.periodCode, r.year, r.status, results.snapshot(r), r.frozenAt,
                r.frozenBy, r.approvedAt, r.approvedBy, r.publishedAt, r.publishedBy);
    }


    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "must be a result id (a UUID)");
        }
    }
}
