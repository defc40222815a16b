package gov.workplan.assessment.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.AssessedRecords.PlanInfo;
import gov.workplan.assessment.domain.AssessedRecords.UnitInfo;
import gov.workplan.assessment.domain.AssessedRecords.UnitRecords;
import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.domain.Scoring;
import gov.workplan.assessment.domain.annual.AnnualInputs;
import gov.workplan.assessment.domain.annual.AnnualRecalculation;
import gov.workplan.assessment.domain.annual.AnnualScoring.Official;
import gov.workplan.assessment.domain.annual.OfficialStatistic;
import gov.workplan.assessment.domain.annual.Reconciliation;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.assessment.persistence.AssessmentStore.IndicatorInfo;
import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.problem.QueryNumbers;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.contracts.ContractLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Official statistics (统计局核定数): the year-end value of each unit × indicator as the statistics bureau
 * publishes it, weeks after the units' own Q4 figures. Where one exists, the annual assessment scores it
 * instead of the self-report, and the reconciliation shows how far apart the two were.
 */
@Path("/api/v1/official-statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment")
public class OfficialStatisticsResource {

    @Inject
    AnnualInputs inputs;

    @Inject
    AnnualRecalculation recalculation;

    @Inject
    Recalculation quarterly;

    @Inject
    Reconciliation reconciliation;

    @Inject
    AssessmentStore store;

    @Inject
    Caller caller;

    @Schema(name = "OfficialStatistic", description = "One version of an official year-end value.")
    public record OfficialView(String plan, int year, String unit, String indicator, int version, BigDecimal value,
            String source, LocalDate sourceDate, String note, String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "NewOfficialStatistic", description = "An official year-end value; a different value, source or date "
            + "is a new version, the same ones change nothing.")
    public record NewOfficial(@Schema(required = true, example = "szfb-2010-98") @Size(max = ContractLimits.CODE) String plan,
            @Schema(required = true, example = "2011") @Min(ContractLimits.MIN_YEAR) @Max(ContractLimits.MAX_YEAR) Integer year,
            @Schema(required = true, example = "futian") @Size(max = ContractLimits.CODE) String unit,
            @Schema(required = true, example = "scale.bio") @Size(max = ContractLimits.INDICATOR_CODE) String indicator,
            @Schema(required = true, example = "27.4") @DecimalMin("0") @Digits(integer = ContractLimits.AMOUNT_INTEGER_DIGITS,
                    fraction = ContractLimits.AMOUNT_FRACTION_DIGITS) BigDecimal value,
            @Schema(required = true, example = "深圳统计年鉴2012") @Size(max = AnnualInputs.MAX_SOURCE) String source,
            @Schema(required = true, example = "2012-03-15") LocalDate sourceDate,
            @Size(max = AnnualInputs.MAX_TEXT) String note) {
    }

    @Schema(name = "OfficialStatisticsUpload", description = "What an uploaded workbook recorded.")
    public record UploadView(String plan, int year, int recorded, int unchanged, List<OfficialView> versions) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({ Roles.OFFICE, Roles.STATISTICS })
    @Operation(summary = "Record an official year-end value", description = "A new version when the value, source or "
            + "date differ from the current one; the unit's annual assessment is recalculated. Roles: office, statistics.")
    @APIResponse(responseCode = "201", description = "Recorded as a new version.")
    @APIResponse(responseCode = "200", description = "Equal to the current version: nothing changed.")
    @APIResponse(responseCode = "400", description = "A field missing or invalid, or the unit has no target of the "
            + "indicator that year; every field named.")
    @APIResponse(responseCode = "404", description = "No such plan or unit.")
    public Response record(@Valid NewOfficial request) {
        if (request == null) {
            throw ApiProblem.invalid("body", "plan, year, unit, indicator, value, source and sourceDate are required");
        }
        FieldErrors errors = new FieldErrors();
        required(request.plan(), "plan", errors);
        required(request.unit(), "unit", errors);
        if (request.year() == null) {
            errors.add("year", "is required");
        }
        errors.throwIfAny();
        requireYear(store.requirePlan(request.plan()), request.year());
        OfficialStatistic s = inputs.recordOfficial(request.plan(), request.year(), request.unit(), request.indicator(),
                request.value(), request.source(), request.sourceDate(), request.note(), caller.id());
        if (s == null) {
            return Response.ok(view(inputs.history(request.plan(), request.year(), request.unit(), request.indicator())
                    .stream().reduce((a, b) -> b).orElseThrow())).build();
        }
        recalculation.onChange(s.planCode, s.year, List.of(s.unitCode));
        return Response.created(URI.create("/api/v1/official-statistics/history?plan=" + s.planCode + "&year=" + s.year
                + "&unit=" + s.unitCode + "&indicator=" + s.indicatorCode)).entity(view(s)).build();
    }

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.STATISTICS, Roles.SERVICE })
    @Operation(summary = "The current official values of a year", description = "Roles: office, leader, statistics, service.")
    @APIResponse(responseCode = "400", description = "year malformed.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<OfficialView> current(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText,
            @Parameter(example = "futian") @QueryParam("unit") String unit) {
        int year = year(yearText);
        store.requirePlan(plan);
        return inputs.current(plan, year, unit).stream().map(OfficialStatisticsResource::view).toList();
    }

    @GET
    @Path("history")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.STATISTICS })
    @Operation(summary = "Every version of one official value", description = "Who recorded which value, when, from "
            + "which source. Roles: office, leader, statistics.")
    @APIResponse(responseCode = "400", description = "year malformed, or unit or indicator missing.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<OfficialView> history(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText,
            @Parameter(required = true, example = "futian") @QueryParam("unit") String unit,
            @Parameter(required = true, example = "scale.bio") @QueryParam("indicator") String indicator) {
        int year = year(yearText);
        FieldErrors errors = new FieldErrors();
        required(unit, "unit", errors);
        required(indicator, "indicator", errors);
        errors.throwIfAny();
        store.requirePlan(plan);
        return inputs.history(plan, year, unit, indicator).stream().map(OfficialStatisticsResource::view).toList();
    }

    @GET
    @Path("workbook")
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed({ Roles.OFFICE, Roles.STATISTICS })
    @Operation(summary = "The official-statistics workbook of a year (.xlsx)", description = "One row per unit × "
            + "indicator with a target that year: the target, the unit's own Q4 figure, and the official value, source "
            + "and date recorded so far, in yellow columns to fill in. Roles: office, statistics.")
    @APIResponse(responseCode = "200", description = "The workbook.", content = @Content(mediaType = Xlsx.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "year malformed or outside the plan's span.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Response template(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText) {
        int year = year(yearText);
        PlanInfo info = store.requirePlan(plan);
        requireYear(info, year);
        PeriodCode q4 = PeriodCode.of(year, 4);
        Map<String, UnitRecords> records = store.records(plan, q4, null);
        Map<String, Map<String, Official>> official = inputs.official(plan, year, null);
        Map<String, IndicatorInfo> indicators = store.indicators(plan);
        List<OfficialStatisticsWorkbook.Line> lines = new ArrayList<>();
        for (UnitInfo unit : store.assessedUnits(plan, null)) {
            UnitRecords r = records.getOrDefault(unit.code(), UnitRecords.NONE);
            Scoring.Inputs q = quarterly.inputs(q4, r);
            for (Scoring.TargetIn t : q.targets()) {
                IndicatorInfo i = indicators.get(t.indicator());
                Official o = official.getOrDefault(unit.code(), Map.of()).get(t.indicator());
                lines.add(new OfficialStatisticsWorkbook.Line(unit.code(), unit.nameZh(), t.indicator(),
                        i == null ? t.indicator() : i.nameZh(), i == null ? null : i.unitOfMeasure(), t.value(),
                        q.actuals().get(t.indicator()), o == null ? null : o.value(), o == null ? null : o.source(),
                        o == null ? null : o.sourceDate(), null));
            }
        }
        return Xlsx.download(OfficialStatisticsWorkbook.template(plan, info.title(), year, lines),
                "official-statistics-" + plan + "-" + year + ".xlsx");
    }

    @POST
    @Path("workbook")
    @Consumes({ Xlsx.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM })
    @Transactional
    @RolesAllowed({ Roles.OFFICE, Roles.STATISTICS })
    @Operation(summary = "Upload a filled official-statistics workbook", description = "Every filled official value "
            + "becomes a new version where it differs from the current one; all or nothing — any error, each named by "
            + "its cell (`Official!H9`), and nothing is recorded. The header's plan and year must be the query's. Roles: "
            + "office, statistics.")
    @RequestBody(content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile
            .openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "What was recorded.")
    @APIResponse(responseCode = "400", description = "Cell errors, each named; nothing recorded.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    @APIResponse(responseCode = "413", description = "The file, or what it unpacks to, is too large.")
    public UploadView upload(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText, byte[] file) {
        int year = year(yearText);
        requireYear(store.requirePlan(plan), year);
        if (file == null || file.length == 0) {
            throw ApiProblem.invalid("file", "is required: the filled .xlsx as the request body");
        }
        OfficialStatisticsWorkbook.Read read = OfficialStatisticsWorkbook.read(file);
        FieldErrors errors = read.errors();
        if (read.plan() != null && !read.plan().equals(plan)) {
            errors.add(OfficialStatisticsWorkbook.SHEET + "!B2", "names plan " + read.plan() + ", not " + plan);
        }
        if (read.year() != null && read.year() != year) {
            errors.add(OfficialStatisticsWorkbook.SHEET + "!B3", "names year " + read.year() + ", not " + year);
        }
        errors.throwIfAny();
        // All or nothing: every row is checked, each error named by its cell, before anything is recorded.
        FieldErrors cells = new FieldErrors();
        for (OfficialStatisticsWorkbook.Value v : read.values()) {
            inputs.checkOfficial(plan, year, v.unit(), v.indicator(), v.value(), v.source(), v.sourceDate(), v.note())
                    .list().forEach(e -> cells.add(v.cellOf(e.field()), e.message()));
        }
        cells.throwIfAny();
        List<OfficialView> recorded = new ArrayList<>();
        int unchanged = 0;
        for (OfficialStatisticsWorkbook.Value v : read.values()) {
            OfficialStatistic s = inputs.recordOfficial(plan, year, v.unit(), v.indicator(), v.value(), v.source(),
                    v.sourceDate(), v.note(), caller.id());
            if (s == null) {
                unchanged++;
            } else {
                recorded.add(view(s));
            }
        }
        if (!recorded.isEmpty()) {
            recalculation.onChange(plan, year, null);
        }
        return new UploadView(plan, year, recorded.size(), unchanged, recorded);
    }

    @GET
    @Path("reconciliation")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.STATISTICS })
    @Operation(summary = "Self-reported year-end figures against the official statistics", description = "Per unit and "
            + "indicator: the unit's own Q4 figure, the official value, the relative difference, and a flag where it is "
            + "beyond the annual scheme's dataQualityThreshold (统计数据质量). Roles: office, leader, statistics.")
    @APIResponse(responseCode = "400", description = "year malformed.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Reconciliation.Report reconciliation(
            @Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText) {
        int year = year(yearText);
        store.requirePlan(plan);
        return reconciliation.of(plan, year);
    }

    static OfficialView view(OfficialStatistic s) {
        return new OfficialView(s.planCode, s.year, s.unitCode, s.indicatorCode, s.version, s.value, s.source,
                s.sourceDate, s.note, s.recordedBy, s.recordedAt);
    }

    static int year(String text) {
        Integer year = QueryNumbers.wholeNumber(text, "year", ContractLimits.MIN_YEAR, ContractLimits.MAX_YEAR);
        if (year == null) {
            throw ApiProblem.invalid("year", "is required, like 2011");
        }
        return year;
    }

    static void requireYear(PlanInfo plan, int year) {
        if (year < plan.spanFrom() || year > plan.spanTo()) {
            throw ApiProblem.invalid("year", "must be within the plan's span, " + plan.spanFrom() + "–" + plan.spanTo());
        }
    }

    private static void required(String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "is required");
        }
    }
}
