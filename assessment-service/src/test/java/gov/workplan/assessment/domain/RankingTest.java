package gov.workplan.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.assessment.domain.Ranking.Ranked;
import gov.workplan.assessment.domain.Ranking.Scored;

class RankingTest {

    @Test
    void givenTiedScores_whenRanked_thenTheyShareARankTheNextSkipsAndCodesOrderTheTie() {
        List<Ranked> ranked = Ranking.rank(List.of(new Scored("luohu", new BigDecimal("100")),
                new Scored("futian", new BigDecimal("112")), new Scored("baoan", new BigDecimal("100.0")),
                new Scored("nanshan", new BigDecimal("87"))), Map.of());
        assertEquals(List.of("futian", "baoan", "luohu", "nanshan"), ranked.stream().map(Ranked::unit).toList());
        assertEquals(List.of(1, 2, 2, 4), ranked.stream().map(Ranked::rank).toList());
    }

    @Test
    void givenThePreviousPeriodsRanks_whenRanked_thenMovementIsPreviousMinusCurrent() {
        List<Ranked> ranked = Ranking.rank(List.of(new Scored("a", BigDecimal.TEN), new Scored("b", BigDecimal.ONE),
                new Scored("c", BigDecimal.ZERO)), Map.of("a", 3, "b", 1));
        assertEquals(2, ranked.get(0).movement(), "a climbed from 3 to 1");
        assertEquals(-1, ranked.get(1).movement(), "b fell from 1 to 2");
        assertEquals(null, ranked.get(2).movement(), "c was not ranked before");
    }
}
