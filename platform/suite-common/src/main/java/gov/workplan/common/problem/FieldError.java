package gov.workplan.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with the request, at the place it is wrong. */
@Schema(description = "One invalid field of the request.")
public record FieldError(
        @Schema(description = "Path of the field in the request: a body path like `targets[3].value`, or a query or path parameter name.", example = "value")
        String field,
        @Schema(description = "What is wrong with it, in plain words.", example = "must be a finite number of at least 0")
        String message) {
}
