package gov.workplan.assessment.domain.annual;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Working days as a Chinese office counts them: Monday to Friday, except the public holidays the State Council
 * announces each year, plus the weekend days it makes working days in exchange (调休). Both lists are the
 * office's configuration, not code. Pure.
 */
public record WorkingDays(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * When a window of {@code days} working days opened at {@code start} closes: at midnight (local time) after
     * the {@code days}-th working day following the day it opened — a unit notified on a Friday afternoon with
     * five working days has until the end of the next Friday.
     */
    public Instant closes(Instant start, int days) {
        LocalDate day = start.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
