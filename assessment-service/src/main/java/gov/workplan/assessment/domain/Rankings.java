package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.assessment.domain.RankingChanged.RankingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Reads the current (provisional) rankings. */
@ApplicationScoped
public class Rankings {

    @Inject
    EntityManager em;

    @Schema(name = "CategoryRanking", description = "One category's ranking for a period.")
    public record CategoryRanking(String plan, String period, String category, List<RankingView> entries) {
    }

    /**
     * Ranks are computed when read, from the units' scores, rather than kept in a table: a report then
     * writes one unit's score and nothing else, however many units its category has — one unit
     * climbing would otherwise rewrite the rank of every unit it passed. Movement is measured against
     * the previous period's ranking, computed the same way.
     */
    public List<CategoryRanking> of(String plan, String period, String category) {
        Map<String, List<Ranking.Scored>> current = scores(plan, period, category);
        Map<String, List<Ranking.Scored>> previous = PeriodCode.parse(period)
                .map(p -> scores(plan, p.previous().code(), category)).orElse(Map.of());
        Map<String, String> names = names(plan, period, category);
        List<CategoryRanking> rankings = new ArrayList<>();
        current.forEach((cat, scores) -> {
            Map<String, Integer> previousRanks = new HashMap<>();
            Ranking.rank(previous.getOrDefault(cat, List.of()), Map.of())
                    .forEach(r -> previousRanks.put(r.unit(), r.rank()));
            List<RankingView> entries = Ranking.rank(scores, previousRanks).stream()
                    .map(r -> new RankingView(r.unit(), names.getOrDefault(r.unit(), r.unit()), r.score(), r.rank(),
                            r.movement()))
                    .toList();
            rankings.add(new CategoryRanking(plan, period, cat, entries));
        });
        return rankings;
    }

    /** The rank a unit holds now: 1 + the units of its category that scored higher (ties share a rank). */
    public int rankOf(String plan, String period, String category, BigDecimal score) {
        return ((Number) em.createNativeQuery("select count(*) + 1 from unit_assessment where plan_code = ?1 "
                + "and period_code = ?2 and category = ?3 and score > ?4").setParameter(1, plan).setParameter(2, period)
                .setParameter(3, category).setParameter(4, score).getSingleResult()).intValue();
    }

    private Map<String, List<Ranking.Scored>> scores(String plan, String period, String category) {
        var query = em.createNativeQuery("select category, unit_code, score from unit_assessment where plan_code = ?1 "
                + "and period_code = ?2" + (category == null ? "" : " and category = ?3") + " order by category")
                .setParameter(1, plan).setParameter(2, period);
        if (category != null) {
            query.setParameter(3, category);
        }
        Map<String, List<Ranking.Scored>> byCategory = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            byCategory.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new Ranking.Scored((String) r[1], ((BigDecimal) r[2]).stripTrailingZeros()));
        }
        return byCategory;
    }

    private Map<String, String> names(String plan, String period, String category) {
        var query = em.createNativeQuery("select a.unit_code, u.name_zh from unit_assessment a join unit u on "
                + "u.code = a.unit_code where a.plan_code = ?1 and a.period_code = ?2"
                + (category == null ? "" : " and a.category = ?3")).setParameter(1, plan).setParameter(2, period);
        if (category != null) {
            query.setParameter(3, category);
        }
        Map<String, String> names = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            names.put((String) r[0], (String) r[1]);
        }
        return names;
    }

    /** The latest period of the year that has a ranking, if any. */
    public String latestPeriod(String plan, int year) {
        List<?> rows = em.createNativeQuery("select max(period_code) from unit_assessment where plan_code = ?1 "
                + "and period_code like ?2").setParameter(1, plan).setParameter(2, year + "-Q%").getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** A unit's breakdown for a period, as JSON, or null. */
    public String breakdown(String plan, String period, String unit) {
        List<?> rows = em.createNativeQuery("select breakdown from unit_assessment where plan_code = ?1 "
                + "and period_code = ?2 and unit_code = ?3").setParameter(1, plan).setParameter(2, period)
                .setParameter(3, unit).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }
}
