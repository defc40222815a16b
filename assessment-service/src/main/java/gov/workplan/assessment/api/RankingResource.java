package gov.workplan.assessment.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.RankingChanged;
import gov.workplan.assessment.domain.RankingStream;
import gov.workplan.assessment.domain.Rankings;
import gov.workplan.assessment.domain.Rankings.CategoryRanking;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.QueryNumbers;
import gov.workplan.common.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/rankings")
@Tag(name = "Rankings", description = "Provisional rankings (排名), recalculated on every report.")
public class RankingResource {

    @Inject
    Rankings rankings;

    @Inject
    AssessmentStore store;

    @Inject
    RankingStream stream;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "Provisional rankings", description = "Per unit category: score, rank (ties share a rank; "
            + "within a tie by unit code), and movement since the previous period (positive = climbed). Without "
            + "`period`, the year's latest ranked period. Roles: office, leader.")
    @APIResponse(responseCode = "400", description = "Plan missing, or period and year disagree.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<CategoryRanking> rankings(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(example = "2011") @QueryParam("year") String yearText,
            @Parameter(example = "2011-Q2") @QueryParam("period") String period,
            @Parameter(example = "DISTRICT") @QueryParam("category") String category) {
        Integer year = QueryNumbers.year(yearText, "year");
        store.requirePlan(plan);
        String code;
        if (period != null) {
            PeriodCode p = PeriodCode.parse(period).orElseThrow(() -> ApiProblem.invalid("period", "must be like 2011-Q2"));
            if (year != null && year != p.year()) {
                throw ApiProblem.invalid("year", "does not match period " + period);
            }
            code = p.code();
        } else if (year != null) {
            code = rankings.latestPeriod(plan, year);
            if (code == null) {
                return List.of();
            }
        } else {
            throw ApiProblem.invalid("period", "give a period, or a year for its latest ranked period");
        }
        return rankings.of(plan, code, category);
    }

    @GET
    @Path("export")
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A period's provisional rankings as Excel", description = "One sheet per unit category: rank, "
            + "unit, score and movement, as GET rankings answers them. Roles: office, leader.")
    @APIResponse(responseCode = "400", description = "Plan or period missing or malformed.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Response export(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011-Q2") @QueryParam("period") String period) {
        if (period == null) {
            throw ApiProblem.invalid("period", "is required, like 2011-Q2");
        }
        List<Xlsx.Table> sheets = rankings(plan, null, period, null).stream().map(r -> new Xlsx.Table(r.category(),
                plan + " " + r.period() + " " + r.category() + " 排名 (provisional ranking)",
                List.of("名次 Rank", "单位代码 Unit", "单位 Name", "得分 Score", "名次变化 Movement"),
                r.entries().stream().map(e -> Arrays.<Object> asList(e.rank(), e.unit(), e.unitNameZh(), e.score(),
                        e.movement())).toList())).toList();
        if (sheets.isEmpty()) {
            throw ApiProblem.conflict("period", "plan " + plan + " has no ranking for " + period + " yet");
        }
        return Xlsx.download(Xlsx.workbook(sheets), "rankings-" + plan + "-" + period + ".xlsx");
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Blocking
    @Operation(summary = "Follow provisional rankings", description = "Server-Sent Events: one RankingChanged each time "
            + "a category's ranking of the plan is recalculated. Roles: office, leader.")
    public Multi<RankingChanged> follow(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan) {
        store.requirePlan(plan);
        // A stream outlives no token: it ends when the caller's token expires, and the portal reconnects with
        // a fresh one — so a revoked or expired identity stops receiving rankings. Tokens live in real time,
        // not on the suite's (possibly demo) clock.
        Duration left = Duration.ofSeconds(Math.max(0, token.getExpirationTime() - Instant.now().getEpochSecond()));
        return token.getExpirationTime() > 0 ? stream.of(plan).select().first(left) : stream.of(plan);
    }

}
