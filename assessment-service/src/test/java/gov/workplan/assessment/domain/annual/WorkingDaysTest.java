package gov.workplan.assessment.domain.annual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void givenAPlainWeek_whenFiveWorkingDaysOpenOnAFridayAfternoon_thenTheWindowClosesAtTheEndOfTheNextFriday() {
        WorkingDays days = new WorkingDays(WorkingDays.SHANGHAI, Set.of(), Set.of());
        // Friday 2012-03-16 15:00 in Shanghai
        assertEquals(Instant.parse("2012-03-23T16:00:00Z"), days.closes(Instant.parse("2012-03-16T07:00:00Z"), 5));
    }

    @Test
    void givenNewYear2012_whenFiveWorkingDaysOpenOnTheFridayBefore_thenTheHolidayIsSkippedAndTheMadeUpSaturdayCounts() {
        // 2012: 1–3 January off; Saturday 31 December 2011 a working day in exchange (调休)
        WorkingDays days = new WorkingDays(WorkingDays.SHANGHAI,
                Set.of(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 1, 2), LocalDate.of(2012, 1, 3)),
                Set.of(LocalDate.of(2011, 12, 31)));
        // notified Friday 30 December; working days: 31 Dec, 4, 5, 6, 9 January → closes at the end of Monday 9 January
        assertEquals(Instant.parse("2012-01-09T16:00:00Z"), days.closes(Instant.parse("2011-12-30T02:00:00Z"), 5));
    }
}
