package gov.workplan.assessment.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.AssessmentScheme;
import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.domain.SchemeRules;
import gov.workplan.assessment.domain.Schemes;
import gov.workplan.assessment.persistence.AssessmentStore;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.contracts.ContractLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schemes", description = "Assessment schemes (考核方案) as versioned data.")
public class SchemeResource {

    @Inject
    Schemes schemes;

    @Inject
    Recalculation recalculation;

    @Inject
    AssessmentStore store;

    @Inject
    Caller caller;

    @Schema(name = "Scheme")
    public record SchemeView(Long id, String plan, String category, int version,
            @Schema(example = "2011-Q3") String effectiveFrom, SchemeRules rules, String note, Instant createdAt,
            String createdBy) {
    }

    @Schema(name = "NewScheme", description = "A new version of a category's scheme, effective from a period.")
    public record NewScheme(@Schema(required = true, example = "szfb-2010-98") @Size(max = ContractLimits.CODE) String plan,
            @Schema(required = true, example = "DISTRICT") @Size(max = 20) String category,
            @Schema(required = true, example = "2011-Q3") @Size(max = ContractLimits.PERIOD) String effectiveFrom,
            @Schema(required = true) SchemeRules rules, @Size(max = 2000) String note) {
    }

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A plan's schemes, every version", description = "Roles: office, leader.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public List<SchemeView> list(@Parameter(required = true, example = "szfb-2010-98") @QueryParam("plan") String plan) {
        store.requirePlan(plan);
        return AssessmentScheme.<AssessmentScheme> list("planCode = ?1 order by category, version", plan).stream()
                .map(this::view).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Define a new scheme version", description = "Applies from `effectiveFrom` on; every assessment "
            + "from that period is recalculated with it. Earlier versions stay. Role: office.")
    @APIResponse(responseCode = "201", description = "Defined; results recalculated.")
    @APIResponse(responseCode = "400", description = "Invalid rules; every field named.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Response define(@Valid NewScheme request) {
        if (request == null) {
            throw ApiProblem.invalid("body", "plan, category, effectiveFrom and rules are required");
        }
        store.requirePlan(request.plan());
        AssessmentScheme scheme = schemes.define(request.plan(), request.category(), request.effectiveFrom(),
                request.rules(), request.note(), caller.id());
        recalculation.onScheme(scheme.planCode, scheme.category, PeriodCode.parse(scheme.effectiveFrom).orElseThrow());
        return Response.created(URI.create("/api/v1/schemes?plan=" + scheme.planCode)).entity(view(scheme)).build();
    }

    private SchemeView view(AssessmentScheme s) {
        return new SchemeView(s.id, s.planCode, s.category, s.version, s.effectiveFrom, schemes.read(s.rules), s.note,
                s.createdAt, s.createdBy);
    }

}
