package gov.workplan.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ReportingRule SEED_RULE = new ReportingRule(1, 10, SHANGHAI);

    @Test
    void givenTheSeedRule_whenPeriodsAreListed_thenEveryQuarterOfTheSpanIsDueOnThe10thOfTheNextQuarter() {
        List<Period> periods = Periods.of(2010, 2012, SEED_RULE);
        assertEquals(12, periods.size());
        Period q1 = periods.get(4);
        assertEquals("2011-Q1", q1.code());
        assertEquals(LocalDate.of(2011, 3, 31), q1.end());
        assertEquals(LocalDate.of(2011, 4, 10), q1.dueDate());
        assertEquals(Instant.parse("2011-04-10T16:00:00Z"), q1.deadline(), "end of the 10th in Shanghai, in UTC");
        assertEquals(LocalDate.of(2012, 1, 10), periods.get(7).dueDate(), "Q4 is due in the next year");
    }

    @Test
    void givenTheDueDate_whenSubmittedAtOneSecondToMidnightInShanghai_thenOnTime_andOneSecondAfterMidnight_thenLate() {
        Period q1 = Periods.find("2011-Q1", 2010, 2012, SEED_RULE).orElseThrow();
        Instant lastSecond = ZonedDateTime.of(2011, 4, 10, 23, 59, 59, 0, SHANGHAI).toInstant();
        Instant firstSecondAfter = ZonedDateTime.of(2011, 4, 11, 0, 0, 1, 0, SHANGHAI).toInstant();
        assertEquals(Timeliness.ON_TIME, q1.timelinessOf(lastSecond));
        assertEquals(Duration.ZERO, q1.lateBy(lastSecond));
        assertEquals(Timeliness.LATE, q1.timelinessOf(firstSecondAfter));
        assertEquals(Duration.ofSeconds(1), q1.lateBy(firstSecondAfter));
    }

    @Test
    void givenAnotherRule_whenPeriodsAreComputed_thenTheDueDateFollowsItAndStaysInTheMonth() {
        ReportingRule endOfSecondMonth = new ReportingRule(2, 31, ZoneId.of("UTC"));
        Period q4 = Periods.find("2011-Q4", 2011, 2011, endOfSecondMonth).orElseThrow();
        assertEquals(LocalDate.of(2012, 2, 29), q4.dueDate(), "day 31 of a leap February is its last day");
    }

    @Test
    void givenCodesOutsideTheSpanOrMalformed_whenLookedUp_thenNothingIsFound() {
        assertTrue(Periods.find("2013-Q1", 2010, 2012, SEED_RULE).isEmpty());
        assertTrue(Periods.find("2011-Q5", 2010, 2012, SEED_RULE).isEmpty());
        assertTrue(Periods.find("2011Q1", 2010, 2012, SEED_RULE).isEmpty());
        assertEquals("2011-Q2", Periods.find("2011-Q3", 2010, 2012, SEED_RULE).orElseThrow().previousInYear());
        assertEquals(null, Periods.find("2011-Q1", 2010, 2012, SEED_RULE).orElseThrow().previousInYear());
    }

    @Test
    void givenAQuarter_whenItsWindowOpens_thenItIsTheFirstInstantAfterTheQuarterInThePlansZone() {
        Period q2 = Periods.find("2011-Q2", 2010, 2012, SEED_RULE).orElseThrow();
        assertEquals(Instant.parse("2011-06-30T16:00:00Z"), q2.opensAt(SHANGHAI), "midnight of 1 July in Shanghai");
        assertTrue(q2.opensAt(SHANGHAI).isBefore(q2.deadline()));
        Period q4 = Periods.find("2011-Q4", 2010, 2012, SEED_RULE).orElseThrow();
        assertEquals(Instant.parse("2011-12-31T16:00:00Z"), q4.opensAt(SHANGHAI), "Q4's window opens in the next year");
    }
}
