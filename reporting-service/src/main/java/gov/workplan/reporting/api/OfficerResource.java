package gov.workplan.reporting.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.audit.AuditedRead;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.reporting.domain.InformationOfficer;
import gov.workplan.reporting.domain.Limits;
import gov.workplan.reporting.persistence.PlanCopy;
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

@Path("/api/v1/units/{unit}/officers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Information officers", description = "Each unit's information officers (信息员), who write its reports.")
public class OfficerResource {

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,100}\\.[^@\\s]{1,50}");

    @Inject
    PlanCopy plans;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Schema(name = "InformationOfficer")
    public record OfficerView(Long id, @Schema(example = "futian") String unit, @Schema(example = "王明") String name,
            @Schema(example = "0755-88888888") String phone, @Schema(example = "wangming@futian.gov.cn") String email,
            Instant registeredAt, String registeredBy) {

        static OfficerView of(InformationOfficer o) {
            return new OfficerView(o.id, o.unitCode, o.name, o.phone, o.email, o.registeredAt, o.registeredBy);
        }
    }

    @Schema(name = "NewInformationOfficer")
    public record NewOfficer(@Schema(required = true, example = "王明") @Size(max = Limits.OFFICER_NAME) String name,
            @Schema(required = true, example = "0755-88888888") @Size(max = Limits.OFFICER_PHONE) String phone,
            @Schema(required = true, example = "wangming@futian.gov.cn") @Size(max = Limits.OFFICER_EMAIL) String email) {
    }

    @GET
    @AuditedRead
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A unit's information officers", description = "Their contact details, for the notification "
            + "gateway that turns report.due-soon (officers by id) into messages; every read is audited. Roles: "
            + "office, leader, service; reporter (own unit).")
    @APIResponse(responseCode = "404", description = "No such unit.")
    public List<OfficerView> list(@PathParam("unit") String unit) {
        requireUnit(unit);
        if (!caller.hasRole(Roles.LEADER) && !caller.hasRole(Roles.SERVICE)) {
            ReportAccess.requireOwnUnit(caller, unit);
        }
        return InformationOfficer.<InformationOfficer> list("unitCode = ?1 order by id", unit).stream()
                .map(OfficerView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Register an information officer", description = "Role: office.")
    @APIResponse(responseCode = "201", description = "Registered.")
    @APIResponse(responseCode = "400", description = "Invalid fields, all named.")
    @APIResponse(responseCode = "404", description = "No such unit.")
    public Response register(@PathParam("unit") String unit, @Valid NewOfficer request) {
        requireUnit(unit);
        FieldErrors errors = new FieldErrors();
        if (request == null) {
            throw ApiProblem.invalid("body", "name, phone and email are required");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            errors.add("name", "is required, at most 100 characters");
        }
        if (request.phone() == null || !PHONE.matcher(request.phone()).matches()) {
            errors.add("phone", "must be a phone number (digits, spaces, + - ( ))");
        }
        if (request.email() == null || !EMAIL.matcher(request.email()).matches()) {
            errors.add("email", "must be an email address");
        }
        errors.throwIfAny();
        InformationOfficer officer = new InformationOfficer();
        officer.unitCode = unit;
        officer.name = request.name().strip();
        officer.phone = request.phone().strip();
        officer.email = request.email().strip();
        officer.registeredAt = clock.instant();
        officer.registeredBy = caller.id();
        officer.persist();
        return Response.created(URI.create("/api/v1/units/" + unit + "/officers")).entity(OfficerView.of(officer)).build();
    }

    private void requireUnit(String unit) {
        if (!plans.unitExists(unit)) {
            throw ApiProblem.notFound("unit", "unit", unit);
        }
    }
}
