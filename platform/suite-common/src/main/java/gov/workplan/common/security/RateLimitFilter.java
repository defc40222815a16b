package gov.workplan.common.security;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import gov.workplan.common.http.ClientAddress;
import gov.workplan.common.problem.FieldError;
import gov.workplan.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Each caller — a token's subject, or the address of an anonymous caller (behind a trusted proxy, the address
 * it forwarded for: {@link ClientAddress}) — may make
 * {@code suite.rate-limit.per-second} API requests a second, in bursts of up to
 * {@code suite.rate-limit.burst}; over that it gets 429 problem+json with Retry-After, and the request
 * is not processed. One runaway integration cannot starve the officers reporting before a deadline.
 * Health, metrics and the OpenAPI document are not API requests and are never limited.
 */
@Singleton
public class RateLimitFilter {

    private final RateLimit limit;
    private final boolean enabled;

    @Inject
    SecurityIdentity identity;

    @Inject
    ClientAddress clients;

    @Inject
    RateLimitFilter(@ConfigProperty(name = "suite.rate-limit.per-second", defaultValue = "100") double perSecond,
            @ConfigProperty(name = "suite.rate-limit.burst", defaultValue = "200") int burst,
            @ConfigProperty(name = "suite.rate-limit.enabled", defaultValue = "true") boolean enabled) {
        this.limit = new RateLimit(perSecond, burst);
        this.enabled = enabled;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!enabled) {
            return null;
        }
        String caller = identity == null || identity.isAnonymous()
                ? "address:" + java.util.Objects.requireNonNullElse(clients.of(http), "unknown")
                : "subject:" + identity.getPrincipal().getName();
        long wait = limit.take(caller, System.nanoTime());
        if (wait == 0) {
            return null;
        }
        String detail = "too many requests from this caller; retry in " + wait + " s";
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", String.valueOf(wait))
                .entity(new Problem("urn:workplan:problem:rate-limited", "Too many requests", 429, detail,
                        request.getUriInfo().getRequestUri().getRawPath(), List.<FieldError> of()))
                .build();
    }
}
