package gov.workplan.targets.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.Indicator;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.PlanLookup;
import gov.workplan.targets.domain.Target;
import gov.workplan.targets.domain.TargetAmendments;
import gov.workplan.targets.domain.TargetRevision;
import gov.workplan.targets.domain.Unit;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/plans/{plan}/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "Targets (目标) per unit, indicator and year; amendments with their history.")
public class TargetResource {

    private static final String TARGET_QUERY = "from Target t join fetch t.unit u join fetch t.indicator i "
            + "where t.planCode = :plan";

    @Inject
    PlanLookup lookup;

    @Inject
    TargetAmendments amendments;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A plan's targets", description = "Filtered by unit, indicator and year, ordered by year, "
            + "indicator (the plan's order) and unit (city first, then districts). A page holds `size` targets; "
            + "the header X-Total-Count gives how many match. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "200", description = "The targets.", headers = @Header(name = "X-Total-Count", description = "How many targets match the filters."))
    @APIResponse(responseCode = "400", description = "A filter or page parameter is invalid.")
    @APIResponse(responseCode = "404", description = "No such plan, unit or indicator.")
    public Response list(@PathParam("plan") String planCode,
            @Parameter(description = "Unit code.", example = "futian") @QueryParam("unit") String unitCode,
            @Parameter(description = "Indicator code.", example = "scale.bio") @QueryParam("indicator") String indicatorCode,
            @Parameter(description = "Year within the plan's span.", example = "2012") @QueryParam("year") String yearText,
            @Parameter(description = "Page number from 0.", example = "0") @QueryParam("page") String pageText,
            @Parameter(description = "Page size, 1 to 10000; 1000 by default.", example = "1000") @QueryParam("size") String sizeText) {
        Plan plan = lookup.plan(planCode);
        Integer year = lookup.year(plan, yearText, "year");
        int page = number(pageText, "page", 0, 0, Integer.MAX_VALUE);
        int size = number(sizeText, "size", 1000, 1, 10_000);
        // page × size is the offset: it must fit an int (the query's first row), or the page is beyond any plan.
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ApiProblem.invalid("page", "is beyond the last target: page × size must be at most " + Integer.MAX_VALUE);
        }
        StringBuilder query = new StringBuilder(TARGET_QUERY);
        Parameters params = Parameters.with("plan", plan.code);
        if (unitCode != null) {
            Unit unit = lookup.unit(unitCode, "unit");
            query.append(" and u = :unit");
            params.and("unit", unit);
        }
        if (indicatorCode != null) {
            Indicator indicator = lookup.indicator(plan, indicatorCode, "indicator");
            query.append(" and i = :indicator");
            params.and("indicator", indicator);
        }
        if (year != null) {
            query.append(" and t.year = :year");
            params.and("year", year);
        }
        PanacheQuery<Target> found = Target.find(query + " order by t.year, i.position, u.ordinal", params);
        long total = Target.count(query.toString().replace("join fetch", "join"), params);
        List<TargetView> targets = found.page(page, size).list().stream().map(TargetView::of).toList();
        return Response.ok(targets).header("X-Total-Count", total).build();
    }

    @GET
    @Path("export")
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A plan's targets as Excel", description = "Every current target as an .xlsx row, ordered like "
            + "GET targets, with its baseline and revision, for the office's own tables. Roles: office, leader, service.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Response export(@PathParam("plan") String planCode) {
        Plan plan = lookup.plan(planCode);
        List<List<Object>> rows = Target.<Target> find(TARGET_QUERY + " order by t.year, i.position, u.ordinal",
                Parameters.with("plan", plan.code)).list().stream().map(TargetView::of)
                .map(t -> Arrays.<Object> asList(t.year(), t.indicator(), t.indicatorNameZh(), t.unit(), t.unitNameZh(),
                        t.kind().name(), t.value(), t.maxValue(), t.unitOfMeasure(), t.baseline().value(), t.revision(),
                        t.wording()))
                .toList();
        byte[] workbook = Xlsx.workbook(List.of(new Xlsx.Table("Targets", plan.title + " 目标分解 (targets)",
                List.of("年度 Year", "指标代码 Indicator", "指标 Name", "单位代码 Unit", "责任单位 Responsible unit",
                        "类型 Kind", "目标值 Value", "上限 Max", "计量单位 Unit of measure", "基线 Baseline",
                        "修订 Revision", "原文 Wording"),
                rows)));
        return Xlsx.download(workbook, "targets-" + plan.code + ".xlsx");
    }

    @GET
    @Path("{unit}/{indicator}/{year}")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "One target", description = "Its current value, baseline and revision. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "400", description = "The year is not a year of the plan.")
    @APIResponse(responseCode = "404", description = "No such plan, unit, indicator or target.")
    public TargetView one(@PathParam("plan") String planCode, @PathParam("unit") String unitCode,
            @PathParam("indicator") String indicatorCode, @PathParam("year") String yearText) {
        return TargetView.of(target(planCode, unitCode, indicatorCode, yearText));
    }

    @GET
    @Path("{unit}/{indicator}/{year}/revisions")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A target's history", description = "Every value the target has had, oldest first: revision 0 "
            + "is the plan's baseline, each amendment adds one with who, when and why. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "400", description = "The year is not a year of the plan.")
    @APIResponse(responseCode = "404", description = "No such plan, unit, indicator or target.")
    public List<TargetRevisionView> revisions(@PathParam("plan") String planCode, @PathParam("unit") String unitCode,
            @PathParam("indicator") String indicatorCode, @PathParam("year") String yearText) {
        Target target = target(planCode, unitCode, indicatorCode, yearText);
        return TargetRevision.<TargetRevision> list("target = ?1 order by revision", target).stream()
                .map(TargetRevisionView::of).toList();
    }

    @POST
    @Path("{unit}/{indicator}/{year}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Amend a target", description = "Sets a new value with a reason. The baseline and every "
            + "earlier value stay readable under /revisions; a target.amended event is published with the change. "
            + "Give expectedRevision to be refused (409) if someone amended the target since you read it. Role: office.")
    @APIResponse(responseCode = "201", description = "Amended; the body is the target as it now stands.")
    @APIResponse(responseCode = "400", description = "Invalid value, kind or reason; every invalid field is named.")
    @APIResponse(responseCode = "404", description = "No such plan, unit, indicator or target.")
    @APIResponse(responseCode = "409", description = "The target moved on since expectedRevision, or already has this value.")
    public Response amend(@PathParam("plan") String planCode, @PathParam("unit") String unitCode,
            @PathParam("indicator") String indicatorCode, @PathParam("year") String yearText,
            @Valid AmendmentRequest request) {
        Plan plan = lookup.plan(planCode);
        int year = lookup.year(plan, yearText, "year");
        if (request == null) {
            throw ApiProblem.invalid("body", "an amendment with value and reason is required");
        }
        Target amended = amendments.amend(plan.code, unitCode, indicatorCode, year, request.toAmendment(), caller.id());
        URI location = URI.create("/api/v1/plans/" + plan.code + "/targets/" + amended.unit.code + "/"
                + amended.indicator.code + "/" + amended.year);
        return Response.created(location).entity(TargetView.of(amended)).build();
    }

    private Target target(String planCode, String unitCode, String indicatorCode, String yearText) {
        Plan plan = lookup.plan(planCode);
        int year = lookup.year(plan, yearText, "year");
        Unit unit = lookup.unit(unitCode, "unit");
        Indicator indicator = lookup.indicator(plan, indicatorCode, "indicator");
        Target target = Target.<Target> find(TARGET_QUERY + " and u = :unit and i = :indicator and t.year = :year",
                Parameters.with("plan", plan.code).and("unit", unit).and("indicator", indicator).and("year", year))
                .firstResult();
        if (target == null) {
            throw ApiProblem.notFound("year", "target of " + unit.code + " for " + indicator.code + " in",
                    String.valueOf(year));
        }
        return target;
    }

    private static int number(String text, String field, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        FieldErrors errors = new FieldErrors();
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the range
        }
        errors.add(field, "must be a whole number from " + min + " to " + max);
        errors.throwIfAny();
        return fallback;
    }
}
