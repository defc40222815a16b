package gov.workplan.common.tracing;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.opentelemetry.api.trace.Span;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Opens a span for every REST request (continuing the caller's trace if it sent a {@code traceparent}),
 * puts its ids in the log context, and answers with a {@code traceresponse} header (W3C Trace Context
 * level 2) so an integrating system can quote the trace id to ops.
 */
public class TraceFilter {

    /** The response header naming the trace this request was served in. */
    public static final String TRACERESPONSE = "traceresponse";

    private static final Map<String, String> ROUTES = new ConcurrentHashMap<>();

    @Inject
    Tracing tracing;

    @Inject
    RequestTrace trace;

    // Before matching, so that requests refused on the way (401, 403, 404, 429) are traced as well.
    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        Span span = tracing.serverSpan(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                request::getHeaderString);
        trace.begin(span, request.getMethod());
        // Quarkus keeps the log context with the request (its Vert.x context), across threads, until it ends.
        MDC.put("traceId", span.getSpanContext().getTraceId());
        MDC.put("spanId", span.getSpanContext().getSpanId());
    }

    @ServerResponseFilter
    public void end(ContainerResponseContext response, SimpleResourceInfo resource) {
        Span span = trace.span();
        if (span.getSpanContext().isValid()) {
            response.getHeaders().putSingle(TRACERESPONSE, Tracing.traceparent(span));
        }
        trace.finish(route(resource), response.getStatus());
    }

    /** The route template of the matched resource method, e.g. {@code /api/v1/reports/{id}/submit}. */
    private static String route(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        // Overloads share a name but not a path: the parameter types are part of the key.
        String key = resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + Arrays.toString(resource.parameterTypes());
        return ROUTES.computeIfAbsent(key, k -> {
            Path type = resource.getResourceClass().getAnnotation(Path.class);
            String route = type == null ? "" : type.value();
            try {
                Method method = resource.getResourceClass().getMethod(resource.getMethodName(),
                        resource.parameterTypes());
                Path path = method.getAnnotation(Path.class);
                if (path != null) {
                    route = join(route, path.value());
                }
            } catch (NoSuchMethodException e) {
                // a method Quarkus generated: the class's path names it well enough
            }
            return route.startsWith("/") ? route : "/" + route;
        });
    }

    private static String join(String left, String right) {
        if (left.endsWith("/") && right.startsWith("/")) {
            return left + right.substring(1);
        }
        return left.endsWith("/") || right.startsWith("/") ? left + right : left + "/" + right;
    }
}
