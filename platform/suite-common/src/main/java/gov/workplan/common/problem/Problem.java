package gov.workplan.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 7807 problem detail, the body of every error answer of the suite. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 7807 problem detail (media type application/problem+json).")
public record Problem(
        @Schema(description = "Identifies the kind of problem.", example = "urn:workplan:problem:invalid-request")
        String type,
        @Schema(description = "Short summary of the kind of problem.", example = "The request is invalid")
        String title,
        @Schema(description = "The HTTP status code.", example = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence.", example = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path this problem occurred at.", example = "/api/v1/plans")
        String instance,
        @Schema(description = "Every invalid field, all at once.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
