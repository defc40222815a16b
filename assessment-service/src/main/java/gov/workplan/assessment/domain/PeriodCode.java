package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quarter of a plan year, e.g. {@code 2011-Q2}: what assessment needs of a reporting period. */
public record PeriodCode(String code, int year, int quarter) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Optional<PeriodCode> parse(String code) {
        Matcher m = code == null ? null : CODE.matcher(code);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PeriodCode(code, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public static PeriodCode of(int year, int quarter) {
        return new PeriodCode(year + "-Q" + quarter, year, quarter);
    }

    /** The last day of the quarter: tasks due by then count in this period. */
    public LocalDate end() {
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }

    /** The previous quarter, across years; movement in the ranking is measured against it. */
    public PeriodCode previous() {
        return quarter == 1 ? of(year - 1, 4) : of(year, quarter - 1);
    }

    public PeriodCode next() {
        return quarter == 4 ? of(year + 1, 1) : of(year, quarter + 1);
    }

    /** Q1 25% … Q4 100% (时间进度). */
    public BigDecimal timeProgress() {
        return BigDecimal.valueOf(quarter).divide(BigDecimal.valueOf(4));
    }
}
