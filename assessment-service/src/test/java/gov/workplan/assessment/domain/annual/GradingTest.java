package gov.workplan.assessment.domain.annual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.workplan.assessment.domain.annual.Grading.Graded;
import gov.workplan.assessment.domain.annual.Grading.Scored;

class GradingTest {

    private static Scored s(String unit, String score) {
        return new Scored(unit, new BigDecimal(score), false);
    }

    private static List<String> grades(List<Graded> graded) {
        return graded.stream().map(g -> g.unit() + "=" + g.grade() + "#" + g.rank()).toList();
    }

    @Test
    void givenEightUnitsAndAQuotaOfTwentyPercentExcellent_whenTwoScoreAbove90_thenOnlyTheBestIsExcellent() {
        List<Graded> graded = Grading.grade(List.of(s("a", "95"), s("b", "91"), s("c", "85"), s("d", "79.9999"),
                s("e", "70"), s("f", "60"), s("g", "59.9999"), s("h", "30")), AnnualRules.DEFAULT);
        assertEquals(List.of("a=EXCELLENT#1", "b=GOOD#2", "c=GOOD#3", "d=PASS#4", "e=PASS#5", "f=PASS#6", "g=FAIL#7",
                "h=FAIL#8"), grades(graded));
        assertTrue(graded.get(1).reason().contains("quota: at most 1 of 8 units 优秀 (20 %)"), graded.get(1).reason());
    }

    @Test
    void givenATieAcrossTheQuotasLimit_whenGraded_thenTheWholeTieMovesDownAndTheReasonSaysSo() {
        List<Graded> graded = Grading.grade(List.of(s("a", "92"), s("b", "92"), s("c", "85"), s("d", "80"), s("e", "70"),
                s("f", "65"), s("g", "61"), s("h", "60")), AnnualRules.DEFAULT);
        assertEquals(List.of("a=GOOD#1", "b=GOOD#1", "c=GOOD#3", "d=GOOD#4", "e=PASS#5", "f=PASS#6", "g=PASS#7",
                "h=PASS#8"), grades(graded), "at most one 优秀: two tied at 92 would be two");
        assertTrue(graded.get(0).reason().contains("2 units tied at 92 would exceed it together"), graded.get(0).reason());
    }

    @Test
    void givenAVetoedUnitWithTheBestScore_whenGraded_thenItIsFailAndRankedAfterEveryBetterGrade() {
        List<Graded> graded = Grading.grade(List.of(new Scored("a", new BigDecimal("99"), true), s("b", "91"),
                s("c", "50")), AnnualRules.DEFAULT);
        // ⌊0.2 × 3⌋ = 0: no one may be 优秀 in a category of three
        assertEquals(List.of("b=GOOD#1", "a=FAIL#2", "c=FAIL#3"), grades(graded));
        assertTrue(graded.get(1).reason().startsWith("veto"));
    }

    @Test
    void givenQuotasOnTwoGrades_whenUnitsMoveDownFromTheFirst_thenTheSecondsQuotaAppliesToThemToo() {
        AnnualRules rules = new AnnualRules(AnnualRules.DEFAULT.weights(), AnnualRules.DEFAULT.progressCap(),
                AnnualRules.DEFAULT.aboutTolerance(), AnnualRules.DEFAULT.latePenalty(), AnnualRules.DEFAULT.missingPenalty(),
                AnnualRules.DEFAULT.coResponsibleWeight(), List.of(), List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(), AnnualRules.DEFAULT.bands(), List.of(new AnnualRules.Quota(Grade.EXCELLENT, new BigDecimal("0.2")),
                        new AnnualRules.Quota(Grade.GOOD, new BigDecimal("0.4"))), AnnualRules.DEFAULT.dataQualityThreshold());
        List<Graded> graded = Grading.grade(List.of(s("a", "99"), s("b", "98"), s("c", "97"), s("d", "96"), s("e", "95")),
                rules);
        // 优秀: ⌊1⌋ = 1 (a); 良好: ⌊2⌋ = 2 (b, c, moved down from 优秀); d and e move down again to 合格
        assertEquals(List.of("a=EXCELLENT#1", "b=GOOD#2", "c=GOOD#3", "d=PASS#4", "e=PASS#5"), grades(graded));
    }
}
