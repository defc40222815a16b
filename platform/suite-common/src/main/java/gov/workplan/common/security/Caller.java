package gov.workplan.common.security;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is calling: what the services record as the author of a change. Never the token itself. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The token's subject: a stable id of the person or system. */
    public String id() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The unit a reporter speaks for; empty for the other roles. */
    public Optional<String> unit() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && identity.hasRole(Roles.REPORTER)) {
            return Optional.ofNullable(jwt.getClaim(Roles.UNIT_CLAIM)).map(Object::toString);
        }
        return Optional.empty();
    }
}
