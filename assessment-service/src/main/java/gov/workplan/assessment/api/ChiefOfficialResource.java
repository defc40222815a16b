package gov.workplan.assessment.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.assessment.domain.annual.AnnualInputs;
import gov.workplan.assessment.domain.annual.ChiefOfficial;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.contracts.ContractLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Each unit's chief official (行政主要领导) over time: the annual assessment judges the unit and them. */
@Path("/api/v1/units/{unit}/chief-officials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment")
public class ChiefOfficialResource {

    @Inject
    AnnualInputs inputs;

    @Inject
    Caller caller;

    @Schema(name = "ChiefOfficial")
    public record OfficialView(Long id, String unit, String name, String post, LocalDate from, LocalDate to,
            String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "NewChiefOfficial", description = "Who holds the unit's chief post from a date (to a date, or still).")
    public record NewOfficial(@Schema(required = true, example = "王伟") @Size(max = ContractLimits.CHIEF_OFFICIAL_NAME) String name,
            @Schema(required = true, example = "区长") @Size(max = AnnualInputs.MAX_POST) String post,
            @Schema(required = true, example = "2010-03-01") LocalDate from, @Schema(example = "2011-08-31") LocalDate to) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Record a unit's chief official", description = "A change within a year is a new entry beside "
            + "the earlier one; the annual result names everyone who held the post that year. Role: office.")
    @APIResponse(responseCode = "201", description = "Recorded.")
    @APIResponse(responseCode = "400", description = "A field missing or too long, or `to` before `from`; every field named.")
    @APIResponse(responseCode = "404", description = "No such unit.")
    public Response appoint(@PathParam("unit") String unit, @Valid NewOfficial request) {
        if (request == null) {
            throw ApiProblem.invalid("body", "name, post and from are required");
        }
        ChiefOfficial c = inputs.appoint(unit, request.name(), request.post(), request.from(), request.to(), caller.id());
        return Response.created(URI.create("/api/v1/units/" + unit + "/chief-officials")).entity(view(c)).build();
    }

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "A unit's chief officials, in order of taking office", description = "Roles: office, leader.")
    @APIResponse(responseCode = "404", description = "No such unit.")
    public List<OfficialView> list(@PathParam("unit") String unit) {
        inputs.requireUnit(unit);
        return inputs.officials(unit).stream().map(ChiefOfficialResource::view).toList();
    }

    static OfficialView view(ChiefOfficial c) {
        return new OfficialView(c.id, c.unitCode, c.name, c.post, c.fromDate, c.toDate, c.recordedBy, c.recordedAt);
    }
}
