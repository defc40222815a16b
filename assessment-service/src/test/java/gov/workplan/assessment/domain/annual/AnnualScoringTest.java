package gov.workplan.assessment.domain.annual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.assessment.domain.Scoring.TargetIn;
import gov.workplan.assessment.domain.Scoring.TaskIn;
import gov.workplan.assessment.domain.Scoring.Timeliness;
import gov.workplan.assessment.domain.annual.AnnualScoring.Breakdown;
import gov.workplan.assessment.domain.annual.AnnualScoring.Entry;
import gov.workplan.assessment.domain.annual.AnnualScoring.Official;
import gov.workplan.assessment.domain.annual.AnnualScoring.Source;

/** The worked example of the service's README ("The annual assessment"), computed exactly. */
class AnnualScoringTest {

    private static final List<TargetIn> FUTIAN_2011 = List.of(
            new TargetIn("scale.bio", "AT_LEAST", new BigDecimal("28"), null),
            new TargetIn("scale.internet", "AT_LEAST", new BigDecimal("170"), null),
            new TargetIn("scale.new-energy", "AT_LEAST", new BigDecimal("5"), null));
    private static final List<TaskIn> TASKS = List.of(new TaskIn("3.1.1", "LEAD", LocalDate.of(2011, 3, 31)),
            new TaskIn("10.1", "LEAD", LocalDate.of(2010, 12, 31)), new TaskIn("6.1", "LEAD", null),
            new TaskIn("2.1", "CO", LocalDate.of(2011, 6, 30)));

    private static Map<String, Timeliness> timeliness(Timeliness q1) {
        Map<String, Timeliness> t = new LinkedHashMap<>();
        t.put("2011-Q1", q1);
        t.put("2011-Q2", Timeliness.ON_TIME);
        t.put("2011-Q3", Timeliness.ON_TIME);
        t.put("2011-Q4", Timeliness.ON_TIME);
        return t;
    }

    private static AnnualScoring.Inputs futian(Map<String, Entry> entries) {
        return new AnnualScoring.Inputs(2011, FUTIAN_2011,
                Map.of("scale.bio", new BigDecimal("30"), "scale.internet", new BigDecimal("160"), "scale.new-energy",
                        new BigDecimal("5.5")),
                Map.of("scale.bio", new Official(new BigDecimal("27"), "深圳统计年鉴2012", LocalDate.of(2012, 3, 15), 1),
                        "scale.internet", new Official(new BigDecimal("165"), "深圳统计年鉴2012", LocalDate.of(2012, 3, 15), 1)),
                TASKS, Map.of("3.1.1", "DONE", "10.1", "DONE", "2.1", "IN_PROGRESS"), timeliness(Timeliness.LATE), entries);
    }

    @Test
    void givenOfficialFiguresJudgedPointsABonusAndAPenalty_whenFutiansYearIsScored_thenTheReadmeExampleComesOutExactly() {
        Breakdown b = AnnualScoring.score(futian(Map.of(
                "J1", new Entry(new BigDecimal("85"), "工作推进有力", null),
                "B1", new Entry(new BigDecimal("2"), "国家级试点", "国发函〔2011〕12号"),
                "P1", new Entry(new BigDecimal("3"), "二季度数据失实", "督查通报〔2011〕7号"))), AnnualRules.DEFAULT);

        // bio: official 27 ÷ 28; internet: official 165 ÷ 170; new energy: no official value, own 5.5 ÷ 5
        assertEquals(Source.OFFICIAL, b.indicators().get(0).source());
        assertEquals(new BigDecimal("0.9643"), b.indicators().get(0).completion());
        assertEquals(new BigDecimal("30"), b.indicators().get(0).selfReported());
        assertEquals(new BigDecimal("0.9706"), b.indicators().get(1).completion());
        assertEquals(Source.SELF_REPORTED, b.indicators().get(2).source());
        assertEquals(new BigDecimal("1.1000"), b.indicators().get(2).counted());
        // indicators 100 × (0.9643 + 0.9706 + 1.1) ÷ 3 = 101.1633; tasks 2 of 2 lead tasks due; Q1 late: 95; J1 85
        assertEquals(List.of(new BigDecimal("101.1633"), new BigDecimal("100.0000"), new BigDecimal("95.0000"),
                new BigDecimal("85.0000")), b.components().stream().map(c -> c.points()).toList());
        // base = 0.5 × 101.1633 + 0.2 × 100 + 0.1 × 95 + 0.2 × 85 = 50.5817 + 20 + 9.5 + 17
        assertEquals(new BigDecimal("97.0817"), b.baseScore());
        assertEquals(new BigDecimal("2.0000"), b.bonus());
        assertEquals(new BigDecimal("3.0000"), b.penalty());
        assertEquals(new BigDecimal("96.0817"), b.score());
        assertFalse(b.vetoed());
        assertEquals(List.of("3.1.1", "10.1", "2.1"), b.tasksDue().stream().map(t -> t.task()).toList(),
                "due by 31 December; the co-responsible one weighs 0");
        assertTrue(b.lines().containsAll(List.of("indicator:scale.bio", "task:3.1.1", "timeliness:2011-Q1", "judged:J1",
                "bonus:B1", "penalty:P1", "grade")));
    }

    @Test
    void givenItemsBeyondTheirCapsAndAVeto_whenScored_thenEachCountsUpToItsCapAndTheVetoIsKept() {
        Breakdown b = AnnualScoring.score(futian(Map.of(
                "J1", new Entry(new BigDecimal("150"), "超出范围", null),
                "B1", new Entry(new BigDecimal("9"), "三项国家级表彰", "a"),
                "P1", new Entry(new BigDecimal("8"), "数据失实", "b"),
                "P2", new Entry(new BigDecimal("7"), "督办逾期", "c"),
                "V1", new Entry(null, "重大安全生产责任事故", "事故调查报告"))), AnnualRules.DEFAULT);
        assertEquals(new BigDecimal("100"), b.judged().get(0).counted(), "judged points stay within the item's range");
        assertEquals(new BigDecimal("3.0000"), b.bonus(), "B1 counts up to its cap of 3");
        // P1 counts 5 (its cap), P2 5 (its cap): 10, the scheme's penalty cap
        assertEquals(new BigDecimal("10.0000"), b.penalty());
        assertTrue(b.vetoed());
        assertEquals("veto:V1", b.vetoes().get(0).line());
    }

    @Test
    void givenNothingJudgedAndNoYearEndFigure_whenScored_thenTheJudgedItemCountsItsMinimumAndTheIndicatorZero() {
        Map<String, BigDecimal> own = Map.of();
        Breakdown b = AnnualScoring.score(new AnnualScoring.Inputs(2011, FUTIAN_2011.subList(0, 1), own, Map.of(), List.of(),
                Map.of(), Map.of(), Map.of()), AnnualRules.DEFAULT);
        assertEquals(Source.NONE, b.indicators().get(0).source());
        assertEquals(0, BigDecimal.ZERO.compareTo(b.indicators().get(0).completion()));
        // indicators 0 (w 50), timeliness 100 (w 10), judged 0 (w 20); no task due: (0 + 1000 + 0) ÷ 80
        assertEquals(new BigDecimal("12.5000"), b.score());
    }
}
