package gov.workplan.common.problem;

import java.util.List;

/**
 * A failure the caller can act on; mapped to an RFC 7807 answer with its status. Throwing it from a
 * transactional method rolls the whole change back, so a rejected request never half-writes.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(400, "invalid-request", "The request is invalid", detail, errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** An unknown plan, unit, indicator... named by the request at {@code field}. */
    public static ApiProblem notFound(String field, String what, String value) {
        return new ApiProblem(404, "not-found", "Not found", what + " '" + value + "' does not exist",
                List.of(new FieldError(field, what + " '" + value + "' does not exist")));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict with the current state", detail, List.of());
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(409, "conflict", "Conflict with the current state", detail,
                List.of(new FieldError(field, detail)));
    }

    /** A body larger than the endpoint accepts (413), named at {@code field}. */
    public static ApiProblem tooLarge(String field, String detail) {
        return new ApiProblem(413, "payload-too-large", "The request body is too large", detail,
                List.of(new FieldError(field, detail)));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem(String instance) {
        return new Problem("urn:workplan:problem:" + slug, title, status, getMessage(), instance, errors);
    }
}
