package gov.workplan.reporting.domain;

import java.time.ZoneId;

/**
 * When reports are due: quarterly, by day {@code dueDayOfMonth} of month {@code dueMonthOfNextQuarter}
 * of the following quarter, end of day in {@code zone}. The seed: day 10 of the first month, Asia/Shanghai.
 */
public record ReportingRule(int dueMonthOfNextQuarter, int dueDayOfMonth, ZoneId zone) {
}
