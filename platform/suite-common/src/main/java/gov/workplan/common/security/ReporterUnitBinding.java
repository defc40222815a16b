package gov.workplan.common.security;

import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A reporter speaks for exactly one unit. A token that grants the reporter role without a
 * well-formed {@code unit} claim is a misissued token: it keeps its other roles but loses that one,
 * so every reporter endpoint answers 403 instead of guessing a unit.
 */
@ApplicationScoped
public class ReporterUnitBinding implements SecurityIdentityAugmentor {

    private static final Pattern UNIT_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.REPORTER) || hasUnit(identity)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .setAnonymous(false)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission);
        Set<String> roles = identity.getRoles();
        roles.stream().filter(role -> !Roles.REPORTER.equals(role)).forEach(builder::addRole);
        return Uni.createFrom().item(builder.build());
    }

    private static boolean hasUnit(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object unit = jwt.getClaim(Roles.UNIT_CLAIM);
            return unit != null && UNIT_CODE.matcher(unit.toString()).matches();
        }
        return false;
    }
}
