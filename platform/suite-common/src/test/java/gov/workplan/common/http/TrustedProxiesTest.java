package gov.workplan.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies ingress = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void givenNoTrustedProxy_whenAnyoneSendsXForwardedFor_thenThePeerIsTheClient() {
        assertEquals("10.1.2.3", TrustedProxies.none().client("10.1.2.3", "203.0.113.7"));
    }

    @Test
    void givenATrustedIngress_whenItForwards_thenTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertEquals("203.0.113.7", ingress.client("10.1.2.3", "203.0.113.7"));
        // the client's own header claims 1.1.1.1; the ingress appended what it saw: the client is the last untrusted
        assertEquals("203.0.113.7", ingress.client("10.1.2.3", "1.1.1.1, 203.0.113.7, 10.9.9.9"));
        assertEquals("2001:db8::1", ingress.client("fd12::1", "2001:db8::1"));
    }

    @Test
    void givenAnUntrustedPeer_whenItClaimsAForwardedAddress_thenItIsIgnored() {
        assertEquals("203.0.113.50", ingress.client("203.0.113.50", "10.0.0.1"));
        assertEquals("192.168.1.6", ingress.client("192.168.1.6", "203.0.113.7"));
    }

    @Test
    void givenAForgedOrBrokenHeader_whenRead_thenNoNameIsResolvedAndThePeerStands() {
        assertEquals("10.1.2.3", ingress.client("10.1.2.3", "evil.example.com"));
        assertEquals("10.1.2.3", ingress.client("10.1.2.3", "203.0.113.7<script>"));
        assertEquals("10.1.2.3", ingress.client("10.1.2.3", "   "));
        assertFalse(ingress.trusted("localhost"));
    }

    @Test
    void givenOnlyTrustedHops_whenForwarded_thenTheOutermostIsTheClient() {
        assertEquals("10.0.0.1", ingress.client("10.1.2.3", "10.0.0.1, 10.0.0.2"));
    }

    @Test
    void givenAnEntryThatIsNoAddress_whenConfigured_thenItIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("ingress.local")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
        assertTrue(TrustedProxies.of(List.of(" 127.0.0.1 ")).trusted("127.0.0.1"));
    }
}
