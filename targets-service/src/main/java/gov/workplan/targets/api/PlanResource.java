package gov.workplan.targets.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.Indicator;
import gov.workplan.targets.domain.Industry;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.PlanDocument;
import gov.workplan.targets.domain.PlanImporter;
import gov.workplan.targets.domain.PlanLookup;
import gov.workplan.targets.domain.Target;
import gov.workplan.targets.domain.Task;
import gov.workplan.contracts.events.TargetsEvents.Counts;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Work plans (工作方案): listing, reading, importing.")
public class PlanResource {

    @Inject
    PlanLookup lookup;

    @Inject
    PlanImporter importer;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "All plans", description = "Roles: office, reporter, leader, service.")
    public List<PlanSummaryView> list() {
        return Plan.<Plan> listAll(Sort.by("code")).stream().map(PlanSummaryView::of).toList();
    }

    @GET
    @Path("{plan}")
    @RolesAllowed({ Roles.OFFICE, Roles.REPORTER, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "One plan", description = "The document's header, its industries and reporting rule, the "
            + "units taking part and how much it contains. Roles: office, reporter, leader, service.")
    @APIResponse(responseCode = "200", description = "The plan.")
    @APIResponse(responseCode = "404", description = "No such plan.")
    public PlanView one(@PathParam("plan") String code) {
        Plan plan = lookup.plan(code);
        List<Industry> industries = plan.industryCodes.stream().map(c -> Industry.<Industry> findById(c)).toList();
        Counts counts = new Counts(plan.unitCodes.size(), (int) Indicator.count("planCode", plan.code),
                (int) Target.count("planCode", plan.code), (int) Task.count("planCode", plan.code));
        return PlanView.of(plan, industries, counts);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Import a plan", description = "Loads a whole plan document (the format of the seed data "
            + "file). It is validated whole before anything is written; every error is answered at once. Importing "
            + "the same document again changes nothing (200). Events announce the plan, its units, indicators, "
            + "targets and tasks. Role: office.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDocument.class)))
    @APIResponse(responseCode = "201", description = "Imported.", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "200", description = "The same document was already imported; nothing changed.", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "The document is invalid; every invalid field is named.")
    @APIResponse(responseCode = "409", description = "A plan with this code exists with other content.")
    public Response importPlan(java.io.InputStream body) throws IOException {
        // Read as a stream, and kept (for the record) gzip-compressed as it passes: a national plan's document is
        // never one string in memory.
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        PlanDocument doc;
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(raw);
                java.io.InputStream copying = new gov.workplan.targets.domain.PlanDocuments.Copying(body, zip)) {
            // the parser would close the stream at the document's end: what follows it (whitespace) is kept too
            doc = mapper.readValue(new java.io.FilterInputStream(copying) {
                @Override
                public void close() {
                    // closed below, once read to its end
                }
            }, PlanDocument.class);
            copying.transferTo(java.io.OutputStream.nullOutputStream());
        }
        PlanImporter.Result result = importer.importPlan(doc, raw.toByteArray(), caller.id());
        ImportResponse response = new ImportResponse(result.plan().code, result.created(), result.counts(),
                result.plan().sourceChecksum);
        if (!result.created()) {
            return Response.ok(response).build();
        }
        return Response.created(URI.create("/api/v1/plans/" + result.plan().code)).entity(response).build();
    }
}
