package gov.workplan.common.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldError;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is calling: what the services record as the author of a change. Never the token itself. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The most characters a token subject may have: every service stores it as an actor in varchar(200). */
    public static final int MAX_SUBJECT = gov.workplan.contracts.ContractLimits.ACTOR;

    /**
     * The token's subject: a stable id of the person or system, written as the actor of every change. A
     * subject longer than any service stores is refused (401 naming it) rather than failing the write.
     */
    public String id() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String subject = identity.getPrincipal().getName();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new ApiProblem(401, "unauthenticated", "Authentication required", "the token's subject must be 1 to "
                    + MAX_SUBJECT + " characters", List.of(new FieldError("token.sub", "must be 1 to " + MAX_SUBJECT
                            + " characters")));
        }
        return subject;
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
