package gov.workplan.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" as PostgreSQL keeps it: {@code timestamptz} holds microseconds, so an instant written and read back, or
 * compared with what another row stored, must be cut there before it is written or it would not equal itself.
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
