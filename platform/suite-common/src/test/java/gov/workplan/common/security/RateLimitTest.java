package gov.workplan.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void givenAFullBucket_whenTheCallerSpendsItsBurst_thenTheNextRequestWaitsForTheRefill() {
        RateLimit limit = new RateLimit(2, 3);
        assertEquals(0, limit.take("office", 0));
        assertEquals(0, limit.take("office", 0));
        assertEquals(0, limit.take("office", 0));
        assertEquals(1, limit.take("office", 0), "empty: one token comes back in half a second, told as 1 s");
        assertEquals(0, limit.take("office", SECOND / 2), "half a second at 2/s refills one");
        assertEquals(1, limit.take("office", SECOND / 2));
    }

    @Test
    void givenOneCallerOverItsLimit_whenAnotherCallerAsks_thenTheOtherIsServed() {
        RateLimit limit = new RateLimit(1, 1);
        assertEquals(0, limit.take("reporter-futian", 0));
        assertEquals(1, limit.take("reporter-futian", 0));
        assertEquals(0, limit.take("reporter-luohu", 0));
    }

    @Test
    void givenALongPause_whenTheCallerReturns_thenItHasNoMoreThanItsBurst() {
        RateLimit limit = new RateLimit(10, 2);
        assertEquals(0, limit.take("service", 0));
        assertEquals(0, limit.take("service", 3600 * SECOND));
        assertEquals(0, limit.take("service", 3600 * SECOND));
        assertEquals(1, limit.take("service", 3600 * SECOND));
    }

    @Test
    void givenASlowRate_whenTheBucketIsEmpty_thenTheWaitIsRoundedUpToWholeSeconds() {
        RateLimit limit = new RateLimit(0.25, 1);
        assertEquals(0, limit.take("slow", 0));
        assertEquals(4, limit.take("slow", 0));
        assertEquals(2, limit.take("slow", 2 * SECOND));
    }

    @Test
    void givenNoRateOrNoBurst_whenALimitIsMade_thenItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(10, 0));
    }
}
