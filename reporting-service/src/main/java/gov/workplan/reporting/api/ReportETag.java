package gov.workplan.reporting.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.workplan.common.problem.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A report's ETag is its version: every answer that is one report carries it, and the writes take it back
 * as If-Match, so a clerk acts only on the version they read (412 otherwise).
 */
@Provider
public class ReportETag implements ContainerResponseFilter {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,9})\"");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ReportView view && response.getStatus() < 300) {
            response.getHeaders().putSingle("ETag", "\"" + view.version() + "\"");
        }
    }

    /** The version an If-Match header names; null when absent or {@code *} (no check). */
    static Integer expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher m = TAG.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw ApiProblem.invalid("If-Match", "must be the report's ETag as last read, e.g. \"3\"");
        }
        return Integer.valueOf(m.group(1));
    }
}
