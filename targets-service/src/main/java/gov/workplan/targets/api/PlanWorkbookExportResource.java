package gov.workplan.targets.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.excel.Xlsx;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.PlanExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** A plan as a workbook (its own class: JAX-RS picks the class by its path before the method). */
@Path("/api/v1/plans/{plan}/workbook")
@Tag(name = "Plan workbooks")
public class PlanWorkbookExportResource {

    @Inject
    PlanExport export;

    @GET
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A plan as a workbook", description = "The plan as it stands, targets at their current values. "
            + "A plan never amended exports as the document it was imported from: imported again, nothing changes. "
            + "Roles: office, leader, service.")
    @APIResponse(responseCode = "200", description = "The workbook.", content = @Content(mediaType = Xlsx.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such plan.")
    public Response workbook(@PathParam("plan") String plan) {
        return Xlsx.download(PlanWorkbook.write(export.document(plan)), "plan-" + plan + ".xlsx");
    }
}
