package gov.workplan.targets.api;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.excel.XlsxUpload;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldError;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.PlanDocument;
import gov.workplan.targets.domain.PlanDocuments;
import gov.workplan.targets.domain.PlanImporter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Plans as workbooks (方案填报表): the empty template, any plan as it stands, and a filled workbook imported — or
 * previewed — through the same rules as the JSON import.
 */
@Path("/api/v1/plan-workbooks")
@Tag(name = "Plan workbooks", description = "Plans authored and shared as .xlsx workbooks.")
public class PlanWorkbookResource {

    @Inject
    PlanImporter importer;

    @Inject
    Caller caller;

    /** What a preview answers: the document the workbook holds, and what importing it would do. */
    @Schema(name = "PlanWorkbookPreview")
    public record Preview(PlanDocument document,
            @Schema(description = "NEW, ALREADY_IMPORTED (the same document: importing changes nothing), CONFLICT (a plan "
                    + "with this code exists with other content) or INVALID (see errors).") String outcome,
            String checksum, List<FieldError> errors) {
    }

    @GET
    @Path("template")
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "The empty plan workbook", description = "Sheets for the header and reporting rule, goals, "
            + "appendices, notes, industries, units, indicators, targets, the decomposition table (units down, "
            + "indicator × year across) and tasks. Role: office.")
    @APIResponse(responseCode = "200", description = "The template.", content = @Content(mediaType = Xlsx.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template() {
        return Xlsx.download(PlanWorkbook.write(null), "plan-template.xlsx");
    }

    @POST
    @Consumes({ Xlsx.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Import (or preview) a filled plan workbook", description = "The workbook is read into a plan "
            + "document and imported by the same rules as POST /api/v1/plans: all or nothing, every error named by its "
            + "cell (`Targets!E7`) with the field it fills. With preview=true nothing is written: the answer is the "
            + "document read and what importing it would do. Role: office.")
    @RequestBody(content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Imported.", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "200", description = "The same plan was already imported (nothing changed), or the preview.")
    @APIResponse(responseCode = "400", description = "Cell errors, each named; nothing written.")
    @APIResponse(responseCode = "409", description = "A plan with this code exists with other content.")
    @APIResponse(responseCode = "413", description = "The file, or what it unpacks to, is too large.")
    public Response upload(@Parameter(description = "true: read and check only, write nothing.") @QueryParam("preview")
            boolean preview, byte[] file) {
        PlanWorkbook.Read read;
        try (XlsxUpload upload = XlsxUpload.open(file, PlanWorkbook.LIMITS)) {
            read = PlanWorkbook.read(upload);
        }
        if (preview) {
            PlanImporter.Preview result = importer.preview(read.document());
            return Response.ok(new Preview(read.document(), result.outcome(), result.checksum(), read.byCell(result.errors())))
                    .build();
        }
        PlanImporter.Result result;
        try {
            result = importer.importPlan(read.document(), PlanDocuments.gzip(file), Xlsx.MEDIA_TYPE, caller.id());
        } catch (ApiProblem problem) {
            if (problem.status() == 400) {
                throw ApiProblem.invalid(read.byCell(problem.errors()));
            }
            throw problem;
        }
        ImportResponse response = new ImportResponse(result.plan().code, result.created(), result.counts(),
                result.plan().sourceChecksum);
        return result.created()
                ? Response.created(URI.create("/api/v1/plans/" + result.plan().code)).entity(response).build()
                : Response.ok(response).build();
    }
}
