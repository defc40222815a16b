package gov.workplan.common.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import gov.workplan.common.database.DatabaseUnavailable;

/**
 * Turns every failure into an RFC 7807 answer. Bad input is always a 4xx naming the field; only a
 * fault of ours is a 500, and it says nothing about internals beyond an id to find it in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return answer(problem.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        return answer(ApiProblem.invalid(List.of(describe(e))).toProblem(path(uri)));
    }

    /** Outranks Quarkus' built-in mapper for this type, which answers an empty 400. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    /**
     * A declared limit of a request field (@Size, @Min, @Max on the request records) is exceeded: a 400 naming
     * each field as the caller sent it ({@code content.indicators[0].explanation}), not as Java calls it.
     */
    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v.getPropertyPath()), v.getMessage())).distinct()
                .sorted(java.util.Comparator.comparing(FieldError::field)).toList();
        return answer(ApiProblem.invalid(errors.isEmpty() ? List.of(new FieldError("body", "is invalid")) : errors)
                .toProblem(path(uri)));
    }

    static String fieldPath(jakarta.validation.Path path) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = new Problem("urn:workplan:problem:unauthenticated", "Authentication required", 401,
                "a valid bearer token is required", path(uri), List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(new Problem("urn:workplan:problem:forbidden", "Forbidden", 403,
                "the caller's role does not allow this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request failed";
        return answer(new Problem("urn:workplan:problem:http-" + status, title, status, e.getMessage(), path(uri),
                List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.is(e)) {
            // Almost always nothing was written. A commit the database cut off half-way may have gone
            // through, so the answer does not promise it; a retried submit carries its Idempotency-Key.
            LOG.warnf("database unavailable at %s: %s", path(uri), e.toString());
            return Response.fromResponse(answer(new Problem("urn:workplan:problem:unavailable", "Service unavailable", 503,
                    "the database cannot be reached; retry shortly", path(uri), List.of())))
                    .header("Retry-After", "5").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s at %s", errorId, path(uri));
        return answer(new Problem("urn:workplan:problem:internal", "Internal error", 500,
                "an unexpected error occurred; quote error id " + errorId, path(uri), List.of()));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** Names the field a body error is at, in the caller's terms rather than Java's. */
    static FieldError describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field '")) {
            return new FieldError(original.substring(17, original.indexOf('\'', 17)), "is given more than once");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && mismatch.getTargetType() != null) {
            return new FieldError("body", "must be " + expected(mismatch.getTargetType()));
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new FieldError("body", "is not well-formed JSON" + where);
        }
        String field = fieldPath(mapping.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(field, "is not a known field");
        }
        if (e instanceof InvalidFormatException format) {
            return new FieldError(field, "must be " + expected(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(field, "must be " + expected(mismatch.getTargetType()));
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return new FieldError(field, instantiation.getCause().getMessage());
        }
        return new FieldError(field, "has a value that cannot be read");
    }

    static String fieldPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date like 2011-03-31";
        }
        if (type == Instant.class) {
            return "a timestamp like 2011-04-10T08:00:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
