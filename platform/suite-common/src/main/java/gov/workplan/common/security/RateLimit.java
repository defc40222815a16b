package gov.workplan.common.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets, one per caller: {@code burst} requests at once, refilled at {@code perSecond}. Pure
 * apart from the time it is given. A caller with an empty bucket is told how long until the next
 * request would be taken.
 */
public final class RateLimit {

    /** Buckets kept at most; beyond, all are forgotten (each caller starts full again) rather than grow. */
    static final int MAX_CALLERS = 100_000;

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAtNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAtNanos = now;
        }
    }

    public RateLimit(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes one request of {@code caller} at {@code nowNanos}: 0 if taken, else seconds to wait (≥ 1). */
    public long take(String caller, long nowNanos) {
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            double elapsed = Math.max(0, nowNanos - bucket.refilledAtNanos) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
            bucket.refilledAtNanos = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }
}
