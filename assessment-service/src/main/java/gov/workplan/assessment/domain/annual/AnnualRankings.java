package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.assessment.domain.AssessedRecords;
import gov.workplan.assessment.domain.AssessedRecords.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Reads the live (provisional) annual assessments: grades and ranks computed from the scores when read. */
@ApplicationScoped
public class AnnualRankings {

    @Inject
    EntityManager em;

    @Inject
    AnnualSchemes schemes;

    @Inject
    AnnualInputs inputs;

    @Inject
    AssessedRecords store;

    @Schema(name = "ChiefOfficialOfYear", description = "Who held the unit's chief post (行政主要领导) during the year.")
    public record Official(String name, String post, LocalDate from, LocalDate to) {
    }

    @Schema(name = "AnnualEntry")
    public record AnnualEntry(String unit, String unitNameZh, List<Official> chiefOfficials, BigDecimal score,
            Grade grade, String gradeZh, int rank, @Schema(description = "Why this grade, in words.") String reason,
            boolean vetoed) {
    }

    @Schema(name = "AnnualCategory", description = "One category's annual grades and ranking.")
    public record AnnualCategory(String plan, int year, String category, List<AnnualEntry> entries) {
    }

    /** Every category's (or one's) graded ranking of the year. */
    public List<AnnualCategory> of(String plan, int year, String category) {
        var query = em.createNativeQuery("select category, unit_code, score, vetoed from annual_assessment where "
                + "plan_code = ?1 and year = ?2" + (category == null ? "" : " and category = ?3") + " order by category")
                .setParameter(1, plan).setParameter(2, year);
        if (category != null) {
            query.setParameter(3, category);
        }
        Map<String, List<Grading.Scored>> byCategory = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            byCategory.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new Grading.Scored((String) r[1],
                    ((BigDecimal) r[2]).stripTrailingZeros(), (Boolean) r[3]));
        }
        Map<String, Names> names = store.unitNames();
        Map<String, List<ChiefOfficial>> officials = inputs.officialsOfYear(year);
        List<AnnualCategory> categories = new ArrayList<>();
        byCategory.forEach((cat, scored) -> {
            AnnualRules rules = schemes.rulesFor(plan, cat, year);
            Map<String, Boolean> vetoed = new LinkedHashMap<>();
            scored.forEach(s -> vetoed.put(s.unit(), s.vetoed()));
            List<AnnualEntry> entries = Grading.grade(scored, rules).stream()
                    .map(g -> new AnnualEntry(g.unit(), names.getOrDefault(g.unit(), new Names(g.unit(), g.unit())).nameZh(),
                            officials.getOrDefault(g.unit(), List.of()).stream()
                                    .map(c -> new Official(c.name, c.post, c.fromDate, c.toDate)).toList(),
                            g.score(), g.grade(), g.grade().zh(), g.rank(), g.reason(), vetoed.get(g.unit())))
                    .toList();
            categories.add(new AnnualCategory(plan, year, cat, entries));
        });
        return categories;
    }

    /** A unit's annual breakdown, as JSON, or null. */
    public String breakdown(String plan, int year, String unit) {
        List<?> rows = em.createNativeQuery("select breakdown from annual_assessment where plan_code = ?1 and year = ?2 "
                + "and unit_code = ?3").setParameter(1, plan).setParameter(2, year).setParameter(3, unit).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }
}
