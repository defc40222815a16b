package gov.workplan.common.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is when the service sits behind an ingress or a gateway. The direct peer is the client unless
 * it is one of the configured trusted proxies (addresses or CIDR ranges); only then is {@code X-Forwarded-For}
 * read, right to left, skipping the trusted hops, and its first untrusted address is the client. An untrusted
 * caller's X-Forwarded-For is ignored, so no one can choose the address the audit records or the rate limit
 * counts. None is trusted unless configured. Pure: addresses in, address out.
 */
public final class TrustedProxies {

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** From {@code 10.0.0.0/8, 192.168.1.5, fd00::/8}; an entry that is not an address or range is refused. */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (!e.isEmpty()) {
                ranges.add(Range.parse(e));
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** The client's address for a request from {@code peer} carrying {@code forwardedFor} (may be null). */
    public String client(String peer, String forwardedFor) {
        if (peer == null || !trusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                return peer; // not an address: a forged or broken header tells nothing
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    public boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /** The address's bytes if it is an IP literal; never a DNS lookup. */
    static byte[] literal(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.isEmpty() || a.length() > 45 || !a.matches("[0-9a-fA-F:.]+") || !(a.contains(".") || a.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            String[] parts = entry.split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range in " + entry);
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
