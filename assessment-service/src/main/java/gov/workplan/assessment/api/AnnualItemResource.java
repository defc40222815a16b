package gov.workplan.assessment.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.annual.AnnualInputs;
import gov.workplan.assessment.domain.annual.AnnualItemEntry;
import gov.workplan.assessment.domain.annual.AnnualRecalculation;
import gov.workplan.assessment.domain.annual.AnnualRules;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.contracts.ContractLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
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
 * The office's entries for the items no formula computes: judged points (评议), bonus (加分) and penalty (扣分)
 * items, vetoes (一票否决). Every entry and withdrawal is kept; the latest counts.
 */
@Path("/api/v1/annual-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment")
public class AnnualItemResource {

    @Inject
    AnnualInputs inputs;

    @Inject
    AnnualRecalculation recalculation;

    @Inject
    AssessmentStore store;

    @Inject
    Caller caller;

    @Schema(name = "AnnualItemEntry")
    public record EntryView(Long id, String plan, int year, String unit, String item, AnnualRules.ItemKind kind,
            BigDecimal points, String reason, String evidence, boolean withdrawn, String enteredBy, Instant enteredAt) {
    }

    @Schema(name = "NewAnnualItemEntry", description = "An entry for an item of the unit's annual scheme: points for a "
            + "judged, bonus or penalty item (none for a veto), a reason always, evidence for bonus, penalty and veto.")
    public record NewEntry(@Schema(required = true, example = "szfb-2010-98") @Size(max = ContractLimits.CODE) String plan,
            @Schema(required = true, example = "2011") @Min(ContractLimits.MIN_YEAR) @Max(ContractLimits.MAX_YEAR) Integer year,
            @Schema(required = true, example = "futian") @Size(max = ContractLimits.CODE) String unit,
            @Schema(required = true, example = "P1") @Size(max = 20) String item,
            @Schema(example = "3") @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 4) BigDecimal points,
            @Schema(required = true, example = "二季度报送数据失实") @Size(max = AnnualInputs.MAX_TEXT) String reason,
            @Schema(example = "督查通报〔2011〕7号") @Size(max = AnnualInputs.MAX_EVIDENCE) String evidence) {
    }

    @Schema(name = "AnnualItemWithdrawal")
    public record Withdrawal(@Schema(required = true) @Size(max = ContractLimits.CODE) String plan,
            @Schema(required = true) @Min(ContractLimits.MIN_YEAR) @Max(ContractLimits.MAX_YEAR) Integer year,
            @Schema(required = true) @Size(max = ContractLimits.CODE) String unit,
            @Schema(required = true) @Size(max = 20) String item,
            @Schema(required = true) @Size(max = AnnualInputs.MAX_TEXT) String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Enter an item of a unit's year", description = "Judged points within the item's range; bonus "
            + "and penalty points (each item counts up to its cap); a veto. Replaces the item's earlier entry, which "
            + "stays in the history; the unit's annual assessment is recalculated. Role: office.")
    @APIResponse(responseCode = "201", description = "Entered.")
    @APIResponse(responseCode = "400", description = "Not an item of the unit's scheme, points out of range, reason or "
            + "evidence missing; every field named.")
    @APIResponse(responseCode = "404", description = "No such plan or unit.")
    public Response enter(@Valid NewEntry request) {
        require(request == null ? null : request.plan(), request == null ? null : request.year(),
                request == null ? null : request.unit(), request == null ? null : request.item());
        AnnualItemEntry e = inputs.enter(request.plan(), request.year(), request.unit(), request.item(), request.points(),
                request.reason(), request.evidence(), caller.id());
        recalculation.onChange(e.planCode, e.year, List.of(e.unitCode));
        return Response.created(URI.create("/api/v1/annual-items?plan=" + e.planCode + "&year=" + e.year + "&unit="
                + e.unitCode)).entity(view(e)).build();
    }

    @POST
    @Path("withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Withdraw an item's entry", description = "With a reason; the entry stays in the history and no "
            + "longer counts. Role: office.")
    @APIResponse(responseCode = "200", description = "Withdrawn.")
    @APIResponse(responseCode = "400", description = "A field missing; every field named.")
    @APIResponse(responseCode = "404", description = "No such plan or unit.")
    @APIResponse(responseCode = "409", description = "The item has no entry to withdraw.")
    public EntryView withdraw(@Valid Withdrawal request) {
        require(request == null ? null : request.plan(), request == null ? null : request.year(),
                request == null ? null : request.unit(), request == null ? null : request.item());
        AnnualItemEntry e = inputs.withdraw(request.plan(), request.year(), request.unit(), request.item(), request.reason(),
                caller.id());
        recalculation.onChange(e.planCode, e.year, List.of(e.unitCode));
        return view(e);
    }

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "The entries of a year", description = "The current entry of every item, or with `unit` every "
            + "entry and withdrawal of that unit in order. Roles: office, leader.")
    @APIResponse(responseCode = "400", description = "year malformed.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<EntryView> list(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan,
            @Parameter(required = true, example = "2011") @QueryParam("year") String yearText,
            @Parameter(example = "futian") @QueryParam("unit") String unit) {
        int year = OfficialStatisticsResource.year(yearText);
        store.requirePlan(plan);
        return (unit == null ? inputs.latestEntries(plan, year, null) : inputs.entryHistory(plan, year, unit)).stream()
                .map(AnnualItemResource::view).toList();
    }

    private void require(String plan, Integer year, String unit, String item) {
        FieldErrors errors = new FieldErrors();
        if (plan == null || plan.isBlank()) {
            errors.add("plan", "is required");
        }
        if (year == null) {
            errors.add("year", "is required");
        }
        if (unit == null || unit.isBlank()) {
            errors.add("unit", "is required");
        }
        if (item == null || item.isBlank()) {
            errors.add("item", "is required");
        }
        errors.throwIfAny();
        OfficialStatisticsResource.requireYear(store.requirePlan(plan), year);
    }

    static EntryView view(AnnualItemEntry e) {
        return new EntryView(e.id, e.planCode, e.year, e.unitCode, e.itemCode, e.kind, e.points, e.reason, e.evidence,
                e.withdrawn, e.enteredBy, e.enteredAt);
    }

}
