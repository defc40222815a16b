package gov.workplan.targets.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.security.Roles;
import gov.workplan.targets.domain.draft.PlanDraft;
import gov.workplan.targets.domain.draft.PlanTextReader;
import gov.workplan.targets.domain.draft.UnitDirectories;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** A draft plan read from a document's own text, for the office to review before it imports it. */
@Path("/api/v1/plan-drafts")
@Tag(name = "Plan drafts", description = "A work-plan document's text read into a draft plan and a review list.")
public class PlanDraftResource {

    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
    static final int MAX_TEXT_CHARS = 2 * 1024 * 1024;
    static final int MAX_LINE_CHARS = 20_000;

    @Inject
    UnitDirectories directories;

    @POST
    @Consumes({ MediaType.TEXT_PLAIN, DocxText.MEDIA_TYPE })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "Draft a plan from a document", description = "The document's text (UTF-8 text/plain, or a "
            + ".docx) is read into a draft in the import format: header, reporting rule, targets from the prose and the "
            + "decomposition table, tasks with their numbering, lead and co-responsible units (责任单位 or 牵头/配合 "
            + "notes, resolved against the unit directory) and deadlines. Every drafted item cites its passage (line, "
            + "offset) with a confidence; what the reader could not resolve is on the review list. Nothing is written: "
            + "the draft becomes a plan when the office imports it (POST /api/v1/plans, or as a workbook). Role: office.")
    @RequestBody(content = { @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = DocxText.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "The draft, its citations and its review list.",
            content = @Content(schema = @Schema(implementation = PlanDraft.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8 text, or not a readable .docx.")
    @APIResponse(responseCode = "404", description = "No such unit directory.")
    @APIResponse(responseCode = "413", description = "The document is too large.")
    public PlanDraft draft(
            @Parameter(description = "The unit directory names are resolved against.", example = "shenzhen")
            @QueryParam("directory") @DefaultValue("shenzhen") String directory,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, byte[] body) {
        var found = directories.latest(directory)
                .orElseThrow(() -> ApiProblem.notFound("directory", "unit directory", directory));
        if (body == null || body.length == 0) {
            throw ApiProblem.invalid("body", "is required: the document's text, or the .docx");
        }
        String text = type != null && type.isCompatible(MediaType.valueOf(DocxText.MEDIA_TYPE)) ? DocxText.of(body)
                : utf8(body);
        bounded(text);
        return PlanTextReader.read(text, found.directory());
    }

    /**
     * A document's text within what the reader is built for: at most {@value #MAX_TEXT_CHARS} characters (a .docx
     * may unpack to more than its bytes), no line over {@value #MAX_LINE_CHARS} (a paragraph of a 红头文件 is a few
     * hundred).
     */
    private static void bounded(String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw ApiProblem.tooLarge("body", "the document's text must be at most " + MAX_TEXT_CHARS + " characters");
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw ApiProblem.invalid("body", "line " + line + " has more than " + MAX_LINE_CHARS
                            + " characters: not a document's paragraph");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static String utf8(byte[] body) {
        if (body.length > MAX_TEXT_BYTES) {
            throw ApiProblem.tooLarge("body", "must be at most " + MAX_TEXT_BYTES / 1024 / 1024 + " MB of text");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("body", "is not UTF-8 text: save the document as UTF-8 (.txt)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                throw ApiProblem.invalid("body", "holds a control character (U+" + String.format("%04X", (int) c)
                        + ") at offset " + i + ": not a document's text");
            }
        }
        return text;
    }
}
