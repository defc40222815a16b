package gov.workplan.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A reporting period (报送期): one quarter of a plan year, e.g. {@code 2011-Q1}, with its due date.
 * A submission before {@code deadline} (the first instant after the due date, in the plan's zone) is on time.
 */
public record Period(String code, int year, int quarter, LocalDate start, LocalDate end, LocalDate dueDate,
        Instant deadline) {

    public Timeliness timelinessOf(Instant submittedAt) {
        return submittedAt.isBefore(deadline) ? Timeliness.ON_TIME : Timeliness.LATE;
    }

    /** How late a submission is; zero when on time. */
    public Duration lateBy(Instant submittedAt) {
        return submittedAt.isBefore(deadline) ? Duration.ZERO : Duration.between(deadline, submittedAt);
    }

    /** When its reporting window opens: the first instant after the quarter, in the plan's zone. */
    public Instant opensAt(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The previous quarter of the same year, or null for Q1 (year-to-date figures restart). */
    public String previousInYear() {
        return quarter == 1 ? null : year + "-Q" + (quarter - 1);
    }
}
