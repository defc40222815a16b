package gov.workplan.common.audit;

import java.security.Principal;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import gov.workplan.common.http.ClientAddress;
import gov.workplan.common.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

/**
 * Audits every write (any method but GET, HEAD, OPTIONS), every read of personal data ({@link AuditedRead}) and
 * every refused access (401, 403).
 */
public class AuditFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ClientAddress clients;

    @Inject
    AuditTrail trail;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Clock clock;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http,
            ResourceInfo resource) {
        int status = response.getStatus();
        boolean write = !READS.contains(request.getMethod());
        boolean auditedRead = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(AuditedRead.class);
        if (!write && !auditedRead && status != 401 && status != 403) {
            return;
        }
        SecurityIdentity identity = currentIdentity(status);
        String actor = "anonymous";
        String roles = null;
        String unit = null;
        if (identity != null && !identity.isAnonymous()) {
            Principal principal = identity.getPrincipal();
            actor = principal.getName();
            roles = String.join(",", new TreeSet<>(identity.getRoles()));
            if (principal instanceof JsonWebToken jwt && jwt.getClaim(Roles.UNIT_CLAIM) != null) {
                unit = jwt.getClaim(Roles.UNIT_CLAIM).toString();
            }
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String action = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                + (query == null ? "" : "?" + query);
        String from = clients.of(http);
        trail.record(new AuditRecord(clock.instant(), actor, roles, unit, action, AuditOutcome.of(status), status,
                from));
    }

    private SecurityIdentity currentIdentity(int status) {
        if (status == 401) {
            return null; // there is no identity to ask for: the token was missing or did not verify
        }
        try {
            return identities.getIdentity();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
