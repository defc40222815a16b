package gov.workplan.common.http;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

/**
 * A page the suite serves (the public results, the HTML briefing) runs only scripts from its own origin, loads
 * nothing from elsewhere, posts nowhere and is never framed: a name a unit typed cannot become a script even if
 * an escape were ever missed. Styles may be inline (the page's own, and the charts' SVG).
 */
public class SecurityHeaders {

    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @ServerResponseFilter
    public void html(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Content-Security-Policy", POLICY);
        }
    }
}
