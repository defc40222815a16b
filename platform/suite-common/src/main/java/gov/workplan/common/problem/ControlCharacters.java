package gov.workplan.common.problem;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Refuses control characters (U+0000–U+001F, U+007F) in the path and query of every request, naming
 * the query parameter (or {@code path}). No code, unit, plan or period contains them; PostgreSQL cannot
 * even store U+0000, so letting them through would turn bad input into a 500.
 */
public class ControlCharacters {

    @ServerRequestFilter(preMatching = true)
    public void refuse(ContainerRequestContext request) {
        if (hasControl(request.getUriInfo().getPath(true))) {
            throw ApiProblem.invalid("path", "must not contain control characters");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (hasControl(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacters::hasControl)) {
                throw ApiProblem.invalid(parameter.getKey(), "must not contain control characters");
            }
        }
    }

    static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
