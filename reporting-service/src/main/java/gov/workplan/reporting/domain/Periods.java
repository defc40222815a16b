package gov.workplan.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The quarters across a plan's span and their due dates. Pure. */
public final class Periods {

    private static final Pattern CODE = Pattern.compile("(\\d{4})-Q([1-4])");

    private Periods() {
    }

    public static List<Period> of(int spanFrom, int spanTo, ReportingRule rule) {
        List<Period> periods = new ArrayList<>();
        for (int year = spanFrom; year <= spanTo; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                periods.add(period(year, quarter, rule));
            }
        }
        return periods;
    }

    public static Optional<Period> find(String code, int spanFrom, int spanTo, ReportingRule rule) {
        Matcher m = code == null ? null : CODE.matcher(code);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < spanFrom || year > spanTo) {
            return Optional.empty();
        }
        return Optional.of(period(year, Integer.parseInt(m.group(2)), rule));
    }

    static Period period(int year, int quarter, ReportingRule rule) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        LocalDate dueMonth = end.plusDays(1).plusMonths(rule.dueMonthOfNextQuarter() - 1L);
        LocalDate dueDate = dueMonth.withDayOfMonth(Math.min(rule.dueDayOfMonth(), dueMonth.lengthOfMonth()));
        return new Period(year + "-Q" + quarter, year, quarter, start, end, dueDate,
                dueDate.plusDays(1).atStartOfDay(rule.zone()).toInstant());
    }
}
