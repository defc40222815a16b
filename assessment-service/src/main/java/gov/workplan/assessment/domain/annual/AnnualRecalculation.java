package gov.workplan.assessment.domain.annual;

import java.time.Clock;
import gov.workplan.common.json.JsonText;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.AssessedRecords;
import gov.workplan.assessment.domain.AssessedRecords.UnitInfo;
import gov.workplan.assessment.domain.AssessedRecords.UnitRecords;
import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Recalculation;
import gov.workplan.assessment.domain.Scoring;
import gov.workplan.assessment.domain.YearTouched;
import gov.workplan.assessment.domain.annual.AnnualScoring.Breakdown;
import gov.workplan.assessment.domain.annual.AnnualScoring.Entry;
import gov.workplan.assessment.domain.annual.AnnualScoring.Official;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps each unit's annual assessment current, like the quarterly one: whatever a unit's year depends on —
 * a report of one of its quarters, a target, an official statistic, an entry of the office, the scheme —
 * recomputes that unit's year in the same transaction. A year is live from the moment its fourth quarter is
 * assessed or its first annual input is recorded; then every unit of the plan is computed at once, so the set
 * of graded units never depends on what arrived first. Grades and ranks follow from the scores when read
 * ({@link AnnualRankings}): one unit's change never rewrites another's row.
 */
@ApplicationScoped
public class AnnualRecalculation {

    /** 8 parameters a row; PostgreSQL takes at most 32,767 in one statement. */
    private static final int ROWS_PER_STATEMENT = 500;

    @Inject
    AssessedRecords store;

    @Inject
    AnnualSchemes schemes;

    @Inject
    Recalculation quarterly;

    @Inject
    AnnualInputs inputs;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    void onYearTouched(@Observes YearTouched touched) {
        onChange(touched.plan(), touched.year(), touched.units());
    }

    /** Something of these units' year changed; {@code units} null: of every unit's. */
    @Transactional(TxType.MANDATORY)
    public void onChange(String plan, int year, java.util.Collection<String> units) {
        // Most report events fall in a year not yet live: one statement tells, before any lock is taken.
        if (!live(plan, year)) {
            return;
        }
        lockPlan(plan);
        if (!computed(plan, year) || units == null) {
            compute(plan, year, store.assessedUnits(plan, null), null);
            return;
        }
        List<UnitInfo> known = store.units(units);
        if (!known.isEmpty()) {
            compute(plan, year, known, known.stream().map(UnitInfo::code).toList());
        }
    }

    /** A new annual scheme of the category from {@code fromYear} on: every live year from then. */
    @Transactional(TxType.MANDATORY)
    public void onScheme(String plan, String category, int fromYear) {
        lockPlan(plan);
        for (Object y : em.createNativeQuery("select distinct year from annual_assessment where plan_code = ?1 "
                + "and year >= ?2 and category = ?3").setParameter(1, plan).setParameter(2, fromYear)
                .setParameter(3, category).getResultList()) {
            compute(plan, ((Number) y).intValue(), store.assessedUnits(plan, category), null);
        }
    }

    /** The same lock as the quarterly recalculation's: one recalculation of a plan at a time. */
    private void lockPlan(String plan) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "assessment:" + plan)
                .getSingleResult();
    }

    /** Live once the fourth quarter is assessed or an annual input was recorded for the year. */
    private boolean live(String plan, int year) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from unit_assessment where plan_code = ?1 "
                + "and period_code = ?2) or exists (select 1 from official_statistic where plan_code = ?1 and year = ?3) "
                + "or exists (select 1 from annual_item_entry where plan_code = ?1 and year = ?3)")
                .setParameter(1, plan).setParameter(2, PeriodCode.of(year, 4).code()).setParameter(3, year)
                .getSingleResult();
    }

    private boolean computed(String plan, int year) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from annual_assessment where plan_code = ?1 "
                + "and year = ?2)").setParameter(1, plan).setParameter(2, year).getSingleResult();
    }

    /** Scores the units' years and stores them, {@value #ROWS_PER_STATEMENT} to a statement. */
    private void compute(String plan, int year, List<UnitInfo> units, java.util.Collection<String> unit) {
        PeriodCode q4 = PeriodCode.of(year, 4);
        Map<String, UnitRecords> records = store.recordsOf(plan, q4, unit);
        Map<String, Map<String, Official>> official = inputs.official(plan, year, unit);
        Map<String, Map<String, Entry>> entries = inputs.entries(plan, year, unit);
        Map<String, AnnualRules> rulesByCategory = new HashMap<>();
        Instant computedAt = clock.instant();
        for (int from = 0; from < units.size(); from += ROWS_PER_STATEMENT) {
            List<UnitInfo> chunk = units.subList(from, Math.min(units.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("insert into annual_assessment (plan_code, year, unit_code, category, "
                    + "score, vetoed, breakdown, computed_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 8;
                sql.append(i == 0 ? "" : ", ").append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)", p + 1, p + 2,
                        p + 3, p + 4, p + 5, p + 6, p + 7, p + 8));
            }
            sql.append(" on conflict (plan_code, year, unit_code) do update set category = excluded.category, "
                    + "score = excluded.score, vetoed = excluded.vetoed, breakdown = excluded.breakdown, "
                    + "computed_at = excluded.computed_at");
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                UnitInfo u = chunk.get(i);
                AnnualRules rules = rulesByCategory.computeIfAbsent(u.category(), c -> schemes.rulesFor(plan, c, year));
                Scoring.Inputs quarter = quarterly.inputs(q4, records.getOrDefault(u.code(), UnitRecords.NONE));
                Breakdown b = AnnualScoring.score(new AnnualScoring.Inputs(year, quarter.targets(), quarter.actuals(),
                        official.getOrDefault(u.code(), Map.of()), quarter.tasks(), quarter.taskProgress(),
                        quarter.timelinessOfYear(), entries.getOrDefault(u.code(), Map.of())), rules);
                int p = i * 8;
                insert.setParameter(p + 1, plan).setParameter(p + 2, year).setParameter(p + 3, u.code())
                        .setParameter(p + 4, u.category()).setParameter(p + 5, b.score()).setParameter(p + 6, b.vetoed())
                        .setParameter(p + 7, JsonText.write(mapper, b)).setParameter(p + 8, computedAt);
            }
            insert.executeUpdate();
        }
    }

}
