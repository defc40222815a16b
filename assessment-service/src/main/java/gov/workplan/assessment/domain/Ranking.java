package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks the units of one category (排名): higher score first; equal scores share a rank and the
 * next rank skips (1, 1, 3); within a tie, units are listed by code so the order is deterministic.
 * Movement is the previous period's rank minus this one's (positive = climbed). Pure.
 */
public final class Ranking {

    public record Scored(String unit, BigDecimal score) {
    }

    public record Ranked(String unit, BigDecimal score, int rank, Integer movement) {
    }

    private Ranking() {
    }

    public static List<Ranked> rank(List<Scored> scores, Map<String, Integer> previousRanks) {
        List<Scored> ordered = new ArrayList<>(scores);
        ordered.sort(Comparator.comparing(Scored::score, Comparator.reverseOrder()).thenComparing(Scored::unit));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Scored s = ordered.get(i);
            int rank = i > 0 && s.score().compareTo(ordered.get(i - 1).score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            Integer previous = previousRanks.get(s.unit());
            ranked.add(new Ranked(s.unit(), s.score(), rank, previous == null ? null : previous - rank));
        }
        return ranked;
    }
}
