package gov.workplan.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.assessment.domain.Scoring.Breakdown;
import gov.workplan.assessment.domain.Scoring.Inputs;
import gov.workplan.assessment.domain.Scoring.Status;
import gov.workplan.assessment.domain.Scoring.TargetIn;
import gov.workplan.assessment.domain.Scoring.TaskIn;
import gov.workplan.assessment.domain.Scoring.Timeliness;

/** The scoring rules of README "Scoring", one by one, and its worked example. */
class ScoringTest {

    private static final PeriodCode Q2 = PeriodCode.of(2011, 2);

    private static Inputs inputs(List<TargetIn> targets, Map<String, BigDecimal> actuals, List<TaskIn> tasks,
            Map<String, String> progress, Map<String, Timeliness> timeliness) {
        return new Inputs(Q2, targets, actuals, tasks, progress, timeliness);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void givenTheWorkedExampleOfTheReadme_whenScored_thenEveryPointIsAsExplained() {
        // Futian, 2011-Q2: biotech 28 of 30 (ABOUT-free), internet 70 of 170, one lead task done, one co task
        // open, 2011-Q1 reported late.
        Map<String, Timeliness> timeliness = new LinkedHashMap<>();
        timeliness.put("2011-Q1", Timeliness.LATE);
        timeliness.put("2011-Q2", Timeliness.ON_TIME);
        Breakdown b = Scoring.score(inputs(
                List.of(new TargetIn("scale.bio", "AT_LEAST", d("30"), null),
                        new TargetIn("scale.internet", "AT_LEAST", d("170"), null)),
                Map.of("scale.bio", d("18"), "scale.internet", d("70")),
                List.of(new TaskIn("3.1.1", "LEAD", LocalDate.of(2011, 3, 31)), new TaskIn("2.1", "CO", LocalDate.of(2011, 6, 30)),
                        new TaskIn("4.3", "LEAD", LocalDate.of(2012, 12, 31))),
                Map.of("3.1.1", "DONE"), timeliness), SchemeRules.DEFAULT);

        // bio: 18/30 = 0.6 completion, ÷ 0.5 = 1.2 progress (AHEAD); internet: 70/170 = 0.4118, ÷ 0.5 = 0.8236 (BEHIND)
        assertEquals(d("1.2000"), b.indicators().get(0).progress());
        assertEquals(Status.AHEAD, b.indicators().get(0).status());
        assertEquals(d("0.4118"), b.indicators().get(1).completion());
        assertEquals(d("0.8236"), b.indicators().get(1).progress());
        assertEquals(Status.BEHIND, b.indicators().get(1).status());
        // indicators: 100 × (1.2 + 0.8236) / 2 = 101.18; tasks: the co task weighs 0, 4.3 is not due: 1/1 = 100;
        // timeliness: 100 - 5 = 95
        assertEquals(d("101.1800"), b.components().get(0).points());
        assertEquals(d("100.0000"), b.components().get(1).points());
        assertEquals(d("95.0000"), b.components().get(2).points());
        // score = (60 × 101.18 + 25 × 100 + 15 × 95) / 100 = 60.708 + 25 + 14.25 = 99.958
        assertEquals(d("99.9580"), b.score());
        assertEquals(List.of(), b.overdueTasks());
    }

    @Test
    void givenProgressBeyondTheCap_whenScored_thenItCountsAsTheCap() {
        Breakdown b = Scoring.score(inputs(List.of(new TargetIn("x", "AT_LEAST", d("100"), null)), Map.of("x", d("90")),
                List.of(), Map.of(), Map.of()), SchemeRules.DEFAULT);
        assertEquals(d("1.2"), b.indicators().get(0).progress());
        assertEquals(Status.AHEAD, b.indicators().get(0).status());
    }

    @Test
    void givenAnAboutTargetWithinTheTolerance_whenScored_thenItIsOnTrack() {
        Breakdown b = Scoring.score(inputs(List.of(new TargetIn("x", "ABOUT", d("100"), null)), Map.of("x", d("48")),
                List.of(), Map.of(), Map.of()), SchemeRules.DEFAULT);
        assertEquals(d("1.0000"), b.indicators().get(0).progress(), "0.96 is within 5% of on track");
        assertEquals(Status.ON_TRACK, b.indicators().get(0).status());
    }

    @Test
    void givenNoReportedValue_whenScored_thenTheIndicatorIsAtRiskWithZeroCompletion() {
        Breakdown b = Scoring.score(inputs(List.of(new TargetIn("x", "AT_LEAST", d("100"), null)), Map.of(),
                List.of(), Map.of(), Map.of()), SchemeRules.DEFAULT);
        assertEquals(Status.AT_RISK, b.indicators().get(0).status());
        assertEquals(BigDecimal.ZERO, b.indicators().get(0).completion());
    }

    @Test
    void givenADepartmentWithoutTargets_whenScored_thenTasksAndTimelinessCarryTheWholeScore() {
        Map<String, Timeliness> timeliness = Map.of("2011-Q1", Timeliness.MISSING);
        Breakdown b = Scoring.score(inputs(List.of(), Map.of(),
                List.of(new TaskIn("3.1.1", "LEAD", LocalDate.of(2011, 3, 31)), new TaskIn("3.1.2", "LEAD", LocalDate.of(2011, 6, 1))),
                Map.of("3.1.1", "DONE"), timeliness), SchemeRules.DEFAULT);
        // tasks 50 (weight 25), timeliness 100 - 15 = 85 (weight 15): (25 × 50 + 15 × 85) / 40 = 63.125
        assertEquals(d("63.1250"), b.score());
        assertEquals(List.of("3.1.2"), b.overdueTasks());
    }

    @Test
    void givenProgressAtEachThreshold_whenClassified_thenTheStatusFollowsTheScheme() {
        assertEquals(Status.AHEAD, Scoring.status(d("1.1"), SchemeRules.DEFAULT));
        assertEquals(Status.ON_TRACK, Scoring.status(d("1.0"), SchemeRules.DEFAULT));
        assertEquals(Status.BEHIND, Scoring.status(d("0.8"), SchemeRules.DEFAULT));
        assertEquals(Status.AT_RISK, Scoring.status(d("0.7999"), SchemeRules.DEFAULT));
    }
}
