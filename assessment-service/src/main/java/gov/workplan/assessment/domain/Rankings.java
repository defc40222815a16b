package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    public List<CategoryRanking> of(String plan, String period, String category) {
        List<CategoryRanking> rankings = new ArrayList<>();
        CategoryRanking current = null;
        var query = em.createNativeQuery("select e.category, e.unit_code, coalesce(u.name_zh, e.unit_code), e.score, "
                + "e.rank, e.movement from ranking_entry e left join unit u on u.code = e.unit_code "
                + "where e.plan_code = ?1 and e.period_code = ?2" + (category == null ? "" : " and e.category = ?3")
                + " order by e.category, e.rank, e.unit_code").setParameter(1, plan).setParameter(2, period);
        if (category != null) {
            query.setParameter(3, category);
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            if (current == null || !current.category().equals(r[0])) {
                current = new CategoryRanking(plan, period, (String) r[0], new ArrayList<>());
                rankings.add(current);
            }
            current.entries().add(new RankingView((String) r[1], (String) r[2], ((BigDecimal) r[3]).stripTrailingZeros(),
                    ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue()));
        }
        return rankings;
    }

    /** The latest period of the year that has a ranking, if any. */
    public String latestPeriod(String plan, int year) {
        List<?> rows = em.createNativeQuery("select max(period_code) from ranking_entry where plan_code = ?1 "
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
