package gov.workplan.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who reported for a period, on time or late, and who did not (报送情况). Pure: the expected units
 * and their first submission times in, statuses and rates out.
 */
public final class Compliance {

    public enum Status {
        ON_TIME, LATE,
        /** Not submitted, and the deadline has passed. */
        MISSING,
        /** Not submitted yet, and the deadline is still ahead. */
        PENDING
    }

    @Schema(name = "UnitCompliance")
    public record UnitCompliance(String unit, String category, Status status, Instant firstSubmittedAt,
            Long lateBySeconds, boolean imported) {
    }

    /** A report's first submission, as far as compliance cares. */
    public record Submitted(Instant firstSubmittedAt, boolean imported) {
    }

    @Schema(name = "Compliance", description = "Every expected unit's status and the period's rates.")
    public record Summary(String plan, String period, Instant deadline, boolean closed, int expected, int onTime,
            int late, int missing, int pending,
            @Schema(description = "Units that submitted ÷ units expected.", example = "0.9355") BigDecimal completenessRate,
            @Schema(description = "Units that submitted on time ÷ units expected.", example = "0.8710") BigDecimal timelinessRate,
            List<UnitCompliance> units) {
    }

    private Compliance() {
    }

    /** @param submitted per unit code, its report's first submission; units absent have not submitted */
    public static Summary of(String plan, Period period, List<ExpectedReport> expected, Map<String, Submitted> submitted,
            Instant now) {
        boolean closed = !now.isBefore(period.deadline());
        List<UnitCompliance> units = expected.stream().map(e -> {
            Submitted s = submitted.get(e.unit());
            if (s == null || s.firstSubmittedAt() == null) {
                return new UnitCompliance(e.unit(), e.category(), closed ? Status.MISSING : Status.PENDING, null, null,
                        false);
            }
            Status status = period.timelinessOf(s.firstSubmittedAt()) == Timeliness.ON_TIME ? Status.ON_TIME : Status.LATE;
            return new UnitCompliance(e.unit(), e.category(), status, s.firstSubmittedAt(),
                    period.lateBy(s.firstSubmittedAt()).toSeconds(), s.imported());
        }).toList();
        int onTime = count(units, Status.ON_TIME);
        int late = count(units, Status.LATE);
        return new Summary(plan, period.code(), period.deadline(), closed, units.size(), onTime, late,
                count(units, Status.MISSING), count(units, Status.PENDING), rate(onTime + late, units.size()),
                rate(onTime, units.size()), units);
    }

    private static int count(List<UnitCompliance> units, Status status) {
        return (int) units.stream().filter(u -> u.status() == status).count();
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
