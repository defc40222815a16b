package gov.workplan.common.events;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Parked events (死信), for the office's operators: what is parked and why, and re-driving it. */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service's consumers could not apply, listed and re-driven.")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "Parked events", description = "Every record on this service's dead-letter topics: its event "
            + "id, type, schema version, the reason it was parked, when, and whether it has been applied since "
            + "(re-driven). Empty for a service without consumers. Roles: office, leader.")
    public List<DeadLetters.Parked> list() {
        return deadLetters.list();
    }

    @POST
    @Path("redrive")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Re-drive a dead-letter topic", description = "After the cause is fixed (a migration, an "
            + "upgraded consumer): every parked event of the topic not applied since is handed to its consumer again, "
            + "each in a transaction of its own; one already applied is a duplicate and changes nothing, so re-driving "
            + "twice is safe. Answers how many were applied and which still fail, with why. Role: office.")
    @APIResponse(responseCode = "400", description = "No topic named.")
    @APIResponse(responseCode = "404", description = "Not a dead-letter topic of this service.")
    public DeadLetters.Redrive redrive(@Parameter(required = true, example = "workplan.targets.reporting-dlq")
            @QueryParam("topic") String topic) {
        if (topic == null || topic.isBlank()) {
            throw ApiProblem.invalid("topic", "is required: the dead-letter topic to re-drive");
        }
        return deadLetters.redrive(topic);
    }
}
