package gov.workplan.assessment.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.annual.AnnualRecalculation;
import gov.workplan.assessment.domain.annual.AnnualRules;
import gov.workplan.assessment.domain.annual.AnnualScheme;
import gov.workplan.assessment.domain.annual.AnnualSchemes;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.contracts.ContractLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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

@Path("/api/v1/annual-schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment", description = "The year's assessment (年度考核): official statistics, the office's "
        + "judged, bonus, penalty and veto items, grades, chief officials, objections, publication.")
public class AnnualSchemeResource {

    @Inject
    AnnualSchemes schemes;

    @Inject
    AnnualRecalculation recalculation;

    @Inject
    AssessmentStore store;

    @Inject
    Caller caller;

    @Schema(name = "AnnualScheme")
    public record AnnualSchemeView(Long id, String plan, String category, int version, int effectiveYear,
            AnnualRules rules, String note, Instant createdAt, String createdBy) {
    }

    @Schema(name = "NewAnnualScheme", description = "A new version of a category's annual scheme, effective from a year.")
    public record NewAnnualScheme(@Schema(required = true, example = "szfb-2010-98") @Size(max = ContractLimits.CODE) String plan,
            @Schema(required = true, example = "DISTRICT") @Size(max = ContractLimits.ENUM_NAME) String category,
            @Schema(required = true, example = "2011") @Min(ContractLimits.MIN_YEAR) @Max(ContractLimits.MAX_YEAR) Integer effectiveYear,
            @Schema(required = true) AnnualRules rules, @Size(max = 2000) String note) {
    }

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A plan's annual schemes, every version", description = "Roles: office, leader.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<AnnualSchemeView> list(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan) {
        store.requirePlan(plan);
        return schemes.of(plan).stream().map(this::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Define a new annual scheme version", description = "Applies from `effectiveYear` on; every live "
            + "annual assessment of the category from that year is recalculated with it. Earlier versions stay; a frozen "
            + "result keeps what it froze. Role: office.")
    @APIResponse(responseCode = "201", description = "Defined; annual assessments recalculated.")
    @APIResponse(responseCode = "400", description = "Invalid rules; every field named.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Response define(@Valid NewAnnualScheme request) {
        if (request == null) {
            throw ApiProblem.invalid("body", "plan, category, effectiveYear and rules are required");
        }
        store.requirePlan(request.plan());
        AnnualScheme scheme = schemes.define(request.plan(), request.category(), request.effectiveYear(), request.rules(),
                request.note(), caller.id());
        recalculation.onScheme(scheme.planCode, scheme.category, scheme.effectiveYear);
        return Response.created(URI.create("/api/v1/annual-schemes?plan=" + scheme.planCode)).entity(view(scheme)).build();
    }

    private AnnualSchemeView view(AnnualScheme s) {
        return new AnnualSchemeView(s.id, s.planCode, s.category, s.version, s.effectiveYear, schemes.read(s.rules), s.note,
                s.createdAt, s.createdBy);
    }
}
