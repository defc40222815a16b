package gov.workplan.targets.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Caller;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.PlanDocumentRules;
import gov.workplan.targets.domain.draft.UnitDirectories;
import gov.workplan.targets.domain.draft.UnitDirectory;
import gov.workplan.targets.domain.draft.UnitDirectoryVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The cities' unit directories (单位名录): the names the plan reader resolves, kept by the office as data. */
@Path("/api/v1/unit-directories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unit directories", description = "Units, their names and aliases, groups and industries, per city.")
public class UnitDirectoryResource {

    @Inject
    UnitDirectories directories;

    @Inject
    Caller caller;

    public record DirectoryView(String code, int version, Instant savedAt, String savedBy, UnitDirectory directory) {

        static DirectoryView of(UnitDirectories.Saved saved) {
            return new DirectoryView(saved.directory().code(), saved.version(), saved.savedAt(), saved.savedBy(),
                    saved.directory());
        }
    }

    public record VersionView(int version, Instant savedAt, String savedBy) {
    }

    @GET
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "The directories' codes", description = "Roles: office, leader, service.")
    public List<String> list() {
        return directories.codes();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER, Roles.SERVICE })
    @Operation(summary = "A directory, its latest version", description = "Roles: office, leader, service.")
    @APIResponse(responseCode = "200", description = "The directory.")
    @APIResponse(responseCode = "404", description = "No such directory.")
    public DirectoryView one(@PathParam("code") String code) {
        return DirectoryView.of(directories.latest(code)
                .orElseThrow(() -> ApiProblem.notFound("code", "unit directory", code)));
    }

    @GET
    @Path("{code}/versions")
    @RolesAllowed({ Roles.OFFICE, Roles.LEADER })
    @Operation(summary = "Every saved version of a directory: who saved it, when", description = "Roles: office, leader.")
    public List<VersionView> versions(@PathParam("code") String code) {
        List<VersionView> versions = UnitDirectoryVersion.<UnitDirectoryVersion> find("code = ?1 order by version", code)
                .stream().map(v -> new VersionView(v.version, v.savedAt, v.savedBy)).toList();
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("code", "unit directory", code);
        }
        return versions;
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Save a directory as its next version", description = "Checked whole: codes a plan can use, "
            + "names within the limits every service stores, no name standing for two units or groups, groups of known "
            + "members. Earlier versions stay. Role: office.")
    @APIResponse(responseCode = "200", description = "Saved.")
    @APIResponse(responseCode = "400", description = "Every invalid field, named; nothing saved.")
    public DirectoryView save(@PathParam("code") String code, UnitDirectory directory) {
        if (!PlanDocumentRules.CODE.matcher(code).matches()) {
            throw ApiProblem.invalid("code", "must be a lower-case ASCII code like 'shenzhen'");
        }
        return DirectoryView.of(directories.save(code, directory, caller.id()));
    }
}
