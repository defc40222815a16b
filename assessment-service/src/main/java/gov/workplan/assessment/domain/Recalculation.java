package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import gov.workplan.common.json.JsonText;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.Scoring.Breakdown;
import gov.workplan.assessment.domain.Scoring.Inputs;
import gov.workplan.assessment.domain.Scoring.Timeliness;
import gov.workplan.assessment.domain.AssessedRecords.ReportRow;
import gov.workplan.assessment.domain.AssessedRecords.UnitInfo;
import gov.workplan.assessment.domain.AssessedRecords.UnitRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps assessments and rankings current (重新计算). Incremental: a report recomputes its unit for
 * its period (and the later assessed periods of that year, whose timeliness it affects); ranks follow
 * from the scores when read; a period is computed whole, every category, once: when its reporting window
 * opens ({@link #onPeriodOpened}), so that its first report rescores only its own unit — or, for a period
 * that never opened here (history imported, a report ahead of its window), when the first thing touches it.
 * {@link #rebuild} recomputes a plan from its store alone and must give the same numbers.
 */
@ApplicationScoped
public class Recalculation {

    /** 7 parameters a row; PostgreSQL takes at most 32,767 in one statement. */
    private static final int ROWS_PER_STATEMENT = 500;

    @Inject
    AssessedRecords store;

    @Inject
    Schemes schemes;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Event<RankingChanged> rankingChanged;

    @Inject
    Rankings rankings;

    @Inject
    Event<YearTouched> yearTouched;

    @Inject
    MeterRegistry registry;

    /** A report of the unit for the period was added, changed, or is overdue. */
    @Transactional(TxType.MANDATORY)
    public void onReport(String plan, PeriodCode period, String unitCode) {
        onReports(plan, period, List.of(unitCode));
    }

    /**
     * Reports of these units for the period were added, changed, or are overdue: each unit is recomputed once,
     * all of them together — the store read and the assessments written in a handful of statements, however many
     * units a batch of events touched.
     */
    @Transactional(TxType.MANDATORY)
    public void onReports(String plan, PeriodCode period, java.util.Collection<String> unitCodes) {
        lockPlan(plan);
        List<UnitInfo> units = store.units(unitCodes);
        if (units.isEmpty() || store.plan(plan).isEmpty()) {
            return; // not (yet) units or a plan we know: their own events will bring them
        }
        List<String> known = units.stream().map(UnitInfo::code).toList();
        Set<String> assessed = assessedPeriods(plan, period.year());
        for (PeriodCode p = period; p.year() == period.year(); p = p.next()) {
            if (!p.equals(period) && !assessed.contains(p.code())) {
                continue;
            }
            if (assessed.contains(p.code())) {
                recomputeUnits(plan, p, units, store.recordsOf(plan, p, known));
            } else {
                computePeriod(plan, p, "report");
            }
            unitsChanged(plan, p, units);
            if (p.quarter() == 4) {
                break;
            }
        }
        yearTouched.fire(new YearTouched(plan, period.year(), known));
    }

    /**
     * A period's reporting window opened (period.opened): every unit is assessed in it and every category ranked
     * now, before its first report — at 3,000 units up to seconds of work on a busy machine, which would otherwise sit
     * on the path of that report and of every report queued behind it. Opening the fourth quarter makes the year's annual
     * assessment live for every unit as well. A period already assessed (a report came first) is left as it is.
     */
    @Transactional(TxType.MANDATORY)
    public void onPeriodOpened(String plan, PeriodCode period) {
        lockPlan(plan);
        if (store.plan(plan).isEmpty()) {
            return; // the plan's own events will bring it; plan.import-completed rebuilds every active period
        }
        if (ensurePeriodComputed(plan, period, "opening")) {
            yearTouched.fire(new YearTouched(plan, period.year(), null));
        }
    }

    /** A target of the unit changed: every assessed period of that year. */
    @Transactional(TxType.MANDATORY)
    public void onTarget(String plan, String unitCode, int year) {
        lockPlan(plan);
        UnitInfo unit = store.unit(unitCode).orElse(null);
        if (unit == null) {
            return;
        }
        for (int q = 1; q <= 4; q++) {
            PeriodCode p = PeriodCode.of(year, q);
            if (hasAssessments(plan, p, unit.category())) {
                recomputeUnit(plan, p, unit);
                unitsChanged(plan, p, List.of(unit));
            }
        }
        yearTouched.fire(new YearTouched(plan, year, List.of(unitCode)));
    }

    /** A scheme of the category changed from a period on: every assessed period from then. */
    @Transactional(TxType.MANDATORY)
    public void onScheme(String plan, String category, PeriodCode from) {
        lockPlan(plan);
        for (PeriodCode p : store.activePeriods(plan)) {
            if (p.code().compareTo(from.code()) >= 0 && hasAssessments(plan, p, category)) {
                recomputeUnits(plan, p, store.assessedUnits(plan, category), store.records(plan, p, null));
                rankingChanged.fire(RankingChanged.wholeCategory(plan, p.code(), category));
            }
        }
    }

    /**
     * The plan's targets and tasks are complete (plan.import-completed). Reports may have been scored
     * before them, since both topics are consumed at once (e.g. when a fresh database replays the
     * history): if any were, the plan is recomputed now. Decided under the plan's lock, so a report
     * being scored concurrently is either seen here or scores against the complete plan itself.
     */
    @Transactional(TxType.MANDATORY)
    public void onPlanComplete(String plan) {
        lockPlan(plan);
        if (!store.activePeriods(plan).isEmpty()) {
            rebuild(plan);
        }
    }

    /** Recomputes everything of a plan from its store: what the increments must add up to. */
    @Transactional
    public void rebuild(String plan) {
        lockPlan(plan);
        em.createNativeQuery("delete from unit_assessment where plan_code = ?1").setParameter(1, plan).executeUpdate();
        Set<Integer> years = new TreeSet<>();
        for (PeriodCode p : store.activePeriods(plan)) {
            ensurePeriodComputed(plan, p, "rebuild");
            years.add(p.year());
        }
        years.forEach(year -> yearTouched.fire(new YearTouched(plan, year, null)));
    }

    /**
     * One recalculation of a plan at a time, across consumers and replicas: the two topics are consumed
     * concurrently, and a recalculation must see what the one before it committed.
     */
    private void lockPlan(String plan) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "assessment:" + plan)
                .getSingleResult();
    }

    private boolean hasAssessments(String plan, PeriodCode period, String category) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from unit_assessment where plan_code = ?1 "
                + "and period_code = ?2 and category = ?3)").setParameter(1, plan).setParameter(2, period.code())
                .setParameter(3, category).getSingleResult();
    }

    /** The periods of the year that have assessments, in one statement. */
    private Set<String> assessedPeriods(String plan, int year) {
        Set<String> periods = new TreeSet<>();
        em.createNativeQuery("select distinct period_code from unit_assessment where plan_code = ?1 and period_code like ?2")
                .setParameter(1, plan).setParameter(2, year + "-Q%").getResultList().forEach(p -> periods.add((String) p));
        return periods;
    }

    private boolean isAssessed(String plan, PeriodCode period) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from unit_assessment where plan_code = ?1 "
                + "and period_code = ?2)").setParameter(1, plan).setParameter(2, period.code()).getSingleResult();
    }

    /**
     * The first time anything touches a period, every unit of the plan is assessed and every category
     * ranked, whoever reported: a unit that has not reported stands in the ranking with what it has (so
     * the office sees it), and the set of assessed units never depends on which event came first, which
     * is what makes {@link #rebuild} equal the increments. True if it computed the period.
     */
    private boolean ensurePeriodComputed(String plan, PeriodCode period, String trigger) {
        if (isAssessed(plan, period)) {
            return false;
        }
        computePeriod(plan, period, trigger);
        return true;
    }

    /**
     * Every unit of the plan assessed in the period, every category ranked — timed by what triggered it
     * ({@code workplan_period_computation_seconds{trigger=opening|report|rebuild}}): at thousands of units it is seconds of
     * work, and "report" means a report waited for it.
     */
    private void computePeriod(String plan, PeriodCode period, String trigger) {
        Timer.Sample sample = Timer.start(registry);
        List<UnitInfo> units = store.assessedUnits(plan, null);
        recomputeUnits(plan, period, units, store.records(plan, period, null));
        Set<String> categories = new TreeSet<>();
        units.forEach(u -> categories.add(u.category()));
        categories.forEach(category -> rankingChanged.fire(RankingChanged.wholeCategory(plan, period.code(), category)));
        sample.stop(Timer.builder("workplan.period.computation").description("a period computed for every unit of its plan")
                .tag("trigger", trigger).register(registry));
    }

    private void recomputeUnit(String plan, PeriodCode period, UnitInfo unit) {
        recomputeUnits(plan, period, List.of(unit), store.records(plan, period, unit.code()));
    }

    /**
     * Scores the units and stores their assessments, {@value #ROWS_PER_STATEMENT} to a statement: on a
     * busy machine each round trip to the database waits its turn for a core, and a period of 300 units
     * written one row at a time took seconds.
     */
    private void recomputeUnits(String plan, PeriodCode period, List<UnitInfo> units, Map<String, UnitRecords> records) {
        Map<String, SchemeRules> rulesByCategory = new HashMap<>();
        Instant computedAt = clock.instant();
        for (int from = 0; from < units.size(); from += ROWS_PER_STATEMENT) {
            List<UnitInfo> chunk = units.subList(from, Math.min(units.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "insert into unit_assessment (plan_code, period_code, unit_code, category, score, breakdown, computed_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = i * 7;
                sql.append(i == 0 ? "" : ", ").append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)", p + 1, p + 2, p + 3,
                        p + 4, p + 5, p + 6, p + 7));
            }
            sql.append(" on conflict (plan_code, period_code, unit_code) do update set category = excluded.category, "
                    + "score = excluded.score, breakdown = excluded.breakdown, computed_at = excluded.computed_at");
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                UnitInfo unit = chunk.get(i);
                SchemeRules rules = rulesByCategory.computeIfAbsent(unit.category(), c -> schemes.rulesFor(plan, c, period));
                Breakdown breakdown = Scoring.score(inputs(period, records.getOrDefault(unit.code(), UnitRecords.NONE)), rules);
                int p = i * 7;
                insert.setParameter(p + 1, plan).setParameter(p + 2, period.code()).setParameter(p + 3, unit.code())
                        .setParameter(p + 4, unit.category()).setParameter(p + 5, breakdown.score())
                        .setParameter(p + 6, JsonText.write(mapper, breakdown)).setParameter(p + 7, computedAt);
            }
            insert.executeUpdate();
        }
    }

    /** What a unit's period is scored from: the period's counted report, and the timeliness of its year so far. */
    public Inputs inputs(PeriodCode period, UnitRecords records) {
        Map<String, ReportRow> reports = records.reportsByPeriod();
        Set<String> overdue = records.overduePeriods();
        Map<String, BigDecimal> actuals = new HashMap<>();
        Map<String, String> progress = new HashMap<>();
        ReportRow current = reports.get(period.code());
        // Returned reports and drafts do not count; submitted ones do, provisionally, until accepted or returned.
        if (current != null && ("SUBMITTED".equals(current.status()) || "ACCEPTED".equals(current.status()))) {
            JsonNode content = read(current.content());
            content.path("indicators").forEach(v -> {
                if (v.hasNonNull("value")) {
                    actuals.put(v.path("indicator").asText(), v.path("value").decimalValue());
                }
            });
            content.path("tasks").forEach(t -> progress.put(t.path("task").asText(), t.path("progress").asText()));
        }
        Map<String, Timeliness> timeliness = new LinkedHashMap<>();
        for (int q = 1; q <= period.quarter(); q++) {
            String code = PeriodCode.of(period.year(), q).code();
            ReportRow r = reports.get(code);
            if (r != null && r.timeliness() != null) {
                timeliness.put(code, Timeliness.valueOf(r.timeliness()));
            } else if (overdue.contains(code)) {
                timeliness.put(code, Timeliness.MISSING);
            }
        }
        return new Inputs(period, records.targets(), actuals, records.tasks(), progress, timeliness);
    }

    /**
     * Ranks are read from the scores (see {@link Rankings}); portals hear of each unit's new place — read for all the
     * units in one statement.
     */
    private void unitsChanged(String plan, PeriodCode period, List<UnitInfo> units) {
        Map<String, UnitInfo> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        for (Object row : em.createNativeQuery("select a.unit_code, a.score, (select count(*) + 1 from unit_assessment b "
                + "where b.plan_code = a.plan_code and b.period_code = a.period_code and b.category = a.category "
                + "and b.score > a.score) from unit_assessment a where a.plan_code = ?1 and a.period_code = ?2 "
                + "and a.unit_code in (?3)").setParameter(1, plan).setParameter(2, period.code())
                .setParameter(3, List.copyOf(byCode.keySet())).getResultList()) {
            // a unit without an assessment is not assessed yet: its targets and tasks have not arrived
            // (plan.import-completed rebuilds)
            Object[] r = (Object[]) row;
            UnitInfo unit = byCode.get((String) r[0]);
            rankingChanged.fire(new RankingChanged(plan, period.code(), unit.category(), unit.code(), unit.nameZh(),
                    ((BigDecimal) r[1]).stripTrailingZeros(), ((Number) r[2]).intValue()));
        }
    }


    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report content is unreadable", e);
        }
    }
}
