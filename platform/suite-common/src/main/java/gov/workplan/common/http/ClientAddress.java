package gov.workplan.common.http;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The client's address as the audit records it and the rate limit counts it: the direct peer, or behind a
 * configured trusted proxy (env {@code TRUSTED_PROXIES}, addresses or CIDR ranges, none by default) the
 * address it forwarded for ({@link TrustedProxies}).
 */
@Singleton
public class ClientAddress {

    private final TrustedProxies proxies;

    @Inject
    ClientAddress(@ConfigProperty(name = "suite.http.trusted-proxies") java.util.Optional<List<String>> trusted) {
        this.proxies = trusted.map(TrustedProxies::of).orElse(TrustedProxies.none());
    }

    public String of(HttpServerRequest http) {
        String peer = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return proxies.client(peer, http.getHeader("X-Forwarded-For"));
    }
}
