package gov.workplan.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;

/**
 * The span of the REST request being served. Kept in the request scope rather than made current on a
 * thread: a request moves between the event loop and a worker thread, and the request scope goes with it.
 */
@RequestScoped
public class RequestTrace {

    private Span span;
    private String method;

    void begin(Span span, String method) {
        this.span = span;
        this.method = method;
    }

    /** The request's span, or an invalid one if this request is not traced. */
    public Span span() {
        return span == null ? Span.getInvalid() : span;
    }

    /** Names the span by its route template ({@code POST /api/v1/reports/{id}/submit}) and ends it. */
    void finish(String route, int status) {
        if (span == null) {
            return;
        }
        if (route != null) {
            span.updateName(method + " " + route);
            span.setAttribute("http.route", route);
        }
        span.setAttribute("http.response.status_code", (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        end();
    }

    /** A request that ended without passing the response filter (a dropped stream) still ends its span. */
    @PreDestroy
    void end() {
        if (span != null) {
            span.end();
            span = null;
        }
    }
}
