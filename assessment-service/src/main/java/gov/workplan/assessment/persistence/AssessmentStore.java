package gov.workplan.assessment.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import gov.workplan.assessment.domain.AssessedRecords;
import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Scoring.TargetIn;
import gov.workplan.assessment.domain.Scoring.TaskIn;
import gov.workplan.common.problem.ApiProblem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * assessment's own store of what it scores: plans, units, targets and tasks from workplan.targets,
 * reports and overdue notices from workplan.reporting. Plain SQL: upserts by key, reads as records.
 */
@ApplicationScoped
public class AssessmentStore implements AssessedRecords {

    @Inject
    EntityManager em;

    public void upsertPlan(String code, String title, String titleEn, int spanFrom, int spanTo) {
        em.createNativeQuery("""
                insert into plan (code, title, title_en, span_from, span_to) values (?1, ?2, ?3, ?4, ?5)
                on conflict (code) do update set title = excluded.title, title_en = excluded.title_en,
                    span_from = excluded.span_from, span_to = excluded.span_to
                """).setParameter(1, code).setParameter(2, title).setParameter(3, titleEn).setParameter(4, spanFrom)
                .setParameter(5, spanTo).executeUpdate();
    }

    public void upsertIndustry(String plan, int position, String code, String nameZh, String nameEn) {
        em.createNativeQuery("""
                insert into plan_industry (plan_code, code, position, name_zh, name_en) values (?1, ?2, ?3, ?4, ?5)
                on conflict (plan_code, code) do update set position = excluded.position, name_zh = excluded.name_zh,
                    name_en = excluded.name_en
                """).setParameter(1, plan).setParameter(2, code).setParameter(3, position).setParameter(4, nameZh)
                .setParameter(5, nameEn).executeUpdate();
    }

    public void upsertUnit(String code, String nameZh, String nameEn, String category) {
        em.createNativeQuery("""
                insert into unit (code, name_zh, name_en, category) values (?1, ?2, ?3, ?4)
                on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                    category = excluded.category
                """).setParameter(1, code).setParameter(2, nameZh).setParameter(3, nameEn).setParameter(4, category)
                .executeUpdate();
    }

    @Override
    public Map<String, Names> unitNames() {
        Map<String, Names> names = new HashMap<>();
        for (Object row : em.createNativeQuery("select code, name_zh, coalesce(name_en, code) from unit").getResultList()) {
            Object[] r = (Object[]) row;
            names.put((String) r[0], new Names((String) r[1], (String) r[2]));
        }
        return names;
    }

    @Override
    public Map<String, Names> industryNames(String plan) {
        Map<String, Names> names = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select code, name_zh, coalesce(name_en, code) from plan_industry "
                + "where plan_code = ?1 order by position").setParameter(1, plan).getResultList()) {
            Object[] r = (Object[]) row;
            names.put((String) r[0], new Names((String) r[1], (String) r[2]));
        }
        return names;
    }

    /** An indicator of a plan as labels need it. */
    public record IndicatorInfo(String code, String nameZh, String unitOfMeasure) {
    }

    /** The plan's indicators, by code, in the plan's order. */
    public Map<String, IndicatorInfo> indicators(String plan) {
        Map<String, IndicatorInfo> indicators = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select code, name_zh, unit_of_measure from indicator where plan_code = ?1 "
                + "order by position").setParameter(1, plan).getResultList()) {
            Object[] r = (Object[]) row;
            indicators.put((String) r[0], new IndicatorInfo((String) r[0], (String) r[1], (String) r[2]));
        }
        return indicators;
    }

    public void upsertIndicator(String plan, String code, String nameZh, String industry, String unitOfMeasure) {
        em.createNativeQuery("""
                insert into indicator (plan_code, code, position, name_zh, industry, unit_of_measure)
                values (?1, ?2, (select count(*) from indicator where plan_code = ?1), ?3, ?4, ?5)
                on conflict (plan_code, code) do update set name_zh = excluded.name_zh, industry = excluded.industry,
                    unit_of_measure = excluded.unit_of_measure
                """).setParameter(1, plan).setParameter(2, code).setParameter(3, nameZh).setParameter(4, industry)
                .setParameter(5, unitOfMeasure).executeUpdate();
    }

    /** @return true if the target changed (a newer revision) */
    public boolean upsertTarget(String plan, String unit, String indicator, int year, String kind, BigDecimal value,
            BigDecimal maxValue, int revision) {
        return em.createNativeQuery("""
                insert into target (plan_code, unit_code, indicator_code, year, kind, value, max_value, revision)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (plan_code, unit_code, indicator_code, year) do update set kind = excluded.kind,
                    value = excluded.value, max_value = excluded.max_value, revision = excluded.revision
                where target.revision < excluded.revision
                """).setParameter(1, plan).setParameter(2, unit).setParameter(3, indicator).setParameter(4, year)
                .setParameter(5, kind).setParameter(6, value).setParameter(7, maxValue).setParameter(8, revision)
                .executeUpdate() == 1;
    }

    public void upsertTask(String plan, String code, String title, LocalDate deadline, Map<String, String> roleByUnit) {
        em.createNativeQuery("""
                insert into task (plan_code, code, title, deadline) values (?1, ?2, ?3, ?4)
                on conflict (plan_code, code) do update set title = excluded.title, deadline = excluded.deadline
                """).setParameter(1, plan).setParameter(2, code).setParameter(3, title).setParameter(4, deadline)
                .executeUpdate();
        em.createNativeQuery("delete from task_responsibility where plan_code = ?1 and task_code = ?2")
                .setParameter(1, plan).setParameter(2, code).executeUpdate();
        roleByUnit.forEach((unit, role) -> em.createNativeQuery(
                "insert into task_responsibility (plan_code, task_code, unit_code, role) values (?1, ?2, ?3, ?4)")
                .setParameter(1, plan).setParameter(2, code).setParameter(3, unit).setParameter(4, role).executeUpdate());
    }

    /**
     * Keeps the report's highest version: a duplicate or an older version arriving late changes nothing.
     *
     * @return true if this version is newer than what was stored
     */
    public boolean upsertReport(UUID id, String plan, String period, String unit, String status, int version,
            String content, String timeliness, Long lateBySeconds, Instant firstSubmittedAt, boolean imported) {
        return em.createNativeQuery("""
                insert into report (report_id, plan_code, period_code, unit_code, status, version, content, timeliness,
                                    late_by_seconds, first_submitted_at, imported)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                on conflict (report_id) do update set status = excluded.status, version = excluded.version,
                    content = excluded.content, timeliness = excluded.timeliness,
                    late_by_seconds = excluded.late_by_seconds, first_submitted_at = excluded.first_submitted_at,
                    imported = excluded.imported
                where report.version < excluded.version
                """).setParameter(1, id).setParameter(2, plan).setParameter(3, period).setParameter(4, unit)
                .setParameter(5, status).setParameter(6, version).setParameter(7, content).setParameter(8, timeliness)
                .setParameter(9, lateBySeconds).setParameter(10, firstSubmittedAt).setParameter(11, imported)
                .executeUpdate() == 1;
    }

    /** The period's deadline as reporting-service announced it; the latest word wins (a changed rule). */
    public void recordDeadline(String plan, String period, Instant deadline) {
        em.createNativeQuery("insert into period_deadline (plan_code, period_code, deadline) values (?1, ?2, ?3) "
                + "on conflict (plan_code, period_code) do update set deadline = excluded.deadline "
                + "where period_deadline.deadline <> excluded.deadline").setParameter(1, plan).setParameter(2, period)
                .setParameter(3, deadline).executeUpdate();
    }

    /** The period's reporting window opened (period.opened); the first opening counts, a redelivery changes nothing. */
    public void recordOpened(String plan, String period, Instant deadline, Instant openedAt) {
        em.createNativeQuery("insert into period_deadline (plan_code, period_code, deadline, opened_at) values (?1, ?2, ?3, ?4) "
                + "on conflict (plan_code, period_code) do update set deadline = excluded.deadline, "
                + "opened_at = coalesce(period_deadline.opened_at, excluded.opened_at)").setParameter(1, plan)
                .setParameter(2, period).setParameter(3, deadline).setParameter(4, openedAt).executeUpdate();
    }

    /** When the period's reporting closes, if any event has said so yet. */
    public Optional<Instant> deadline(String plan, String period) {
        List<?> rows = em.createNativeQuery("select deadline from period_deadline where plan_code = ?1 and period_code = ?2")
                .setParameter(1, plan).setParameter(2, period).getResultList();
        return rows.stream().findFirst().map(AssessmentStore::instant);
    }

    /** Units whose report for the period is submitted but not yet reviewed by the office. */
    public List<String> unreviewed(String plan, String period) {
        return em.createNativeQuery("select unit_code from report where plan_code = ?1 and period_code = ?2 "
                + "and status = 'SUBMITTED' order by unit_code", String.class).setParameter(1, plan)
                .setParameter(2, period).getResultList().stream().map(String.class::cast).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("a timestamptz read as " + value.getClass());
    }

    public boolean addOverdue(String plan, String period, String unit) {
        return em.createNativeQuery("insert into overdue (plan_code, period_code, unit_code) values (?1, ?2, ?3) "
                + "on conflict do nothing").setParameter(1, plan).setParameter(2, period).setParameter(3, unit)
                .executeUpdate() == 1;
    }

    @Override
    public Optional<PlanInfo> plan(String code) {
        List<?> rows = em.createNativeQuery("select code, title, coalesce(title_en, title), span_from, span_to from plan "
                + "where code = ?1").setParameter(1, code).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new PlanInfo((String) r[0], (String) r[1],
                (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue()));
    }

    /** The plan a request names: 400 if none is named, 404 if assessment does not know it. */
    public PlanInfo requirePlan(String code) {
        if (code == null || code.isBlank()) {
            throw ApiProblem.invalid("plan", "is required");
        }
        return plan(code).orElseThrow(() -> ApiProblem.notFound("plan", "plan", code));
    }

    @Override
    public Optional<UnitInfo> unit(String code) {
        List<?> rows = em.createNativeQuery("select code, name_zh, category from unit where code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(r -> new UnitInfo((String) r[0], (String) r[1], (String) r[2]));
    }

    /** Units assessed in a plan: those with a target or a task in it. */
    @Override
    public List<UnitInfo> assessedUnits(String plan, String category) {
        List<UnitInfo> units = new ArrayList<>();
        var query = em.createNativeQuery("""
                select u.code, u.name_zh, u.category from unit u
                where (exists (select 1 from target t where t.plan_code = ?1 and t.unit_code = u.code)
                       or exists (select 1 from task_responsibility r where r.plan_code = ?1 and r.unit_code = u.code))
                """ + (category == null ? "" : " and u.category = ?2") + " order by u.code").setParameter(1, plan);
        if (category != null) {
            query.setParameter(2, category);
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            units.add(new UnitInfo((String) r[0], (String) r[1], (String) r[2]));
        }
        return units;
    }

    /**
     * By unit: its reports and overdue notices of the period's year, its targets of that year, its tasks.
     * For one unit, or (unit null) for every unit of the plan at once — computing a whole period must
     * cost four queries, not four per unit (at 300 units that took 3.8 s, and every report queued behind it).
     */
    @Override
    public Map<String, UnitRecords> records(String plan, PeriodCode period, String unit) {
        return recordsOf(plan, period, unit == null ? null : List.of(unit));
    }

    @Override
    public List<UnitInfo> units(java.util.Collection<String> codes) {
        List<UnitInfo> units = new ArrayList<>();
        if (codes.isEmpty()) {
            return units;
        }
        for (Object row : em.createNativeQuery("select code, name_zh, category from unit where code in (?1) order by code")
                .setParameter(1, List.copyOf(codes)).getResultList()) {
            Object[] r = (Object[]) row;
            units.add(new UnitInfo((String) r[0], (String) r[1], (String) r[2]));
        }
        return units;
    }

    /**
     * The reports and overdue notices of the period's year, the targets of that year and the tasks of the units —
     * in one statement (a part tag tells the rows apart), whatever the number of units: a report's recalculation
     * reads its store in one round trip, and a period's first in one too.
     */
    @Override
    public Map<String, UnitRecords> recordsOf(String plan, PeriodCode period, java.util.Collection<String> units) {
        Map<String, UnitRecords> records = new HashMap<>();
        String ofUnits = units == null ? "" : " and %s in (:units)";
        var query = em.createNativeQuery("""
                select 'R', unit_code, period_code, cast(status as text), case when period_code = :period then content end,
                       cast(timeliness as text), cast(null as numeric), cast(null as numeric), cast(null as date), 0
                from report where plan_code = :plan and period_code like :year""" + ofUnits.formatted("unit_code") + """
                 union all
                select 'O', unit_code, period_code, null, null, null, null, null, null, 0
                from overdue where plan_code = :plan and period_code like :year""" + ofUnits.formatted("unit_code") + """
                 union all
                select 'T', t.unit_code, t.indicator_code, cast(t.kind as text), null, null, t.value, t.max_value, null, i.position
                from target t join indicator i on i.plan_code = t.plan_code and i.code = t.indicator_code
                where t.plan_code = :plan and t.year = :yearNumber""" + ofUnits.formatted("t.unit_code") + """
                 union all
                select 'K', r.unit_code, t.code, cast(r.role as text), null, null, null, null, t.deadline, 0
                from task_responsibility r join task t on t.plan_code = r.plan_code and t.code = r.task_code
                where r.plan_code = :plan""" + ofUnits.formatted("r.unit_code") + """
                 order by 2, 1, 10, 3
                """).setParameter("plan", plan).setParameter("period", period.code())
                .setParameter("year", period.year() + "-%").setParameter("yearNumber", period.year());
        if (units != null) {
            query.setParameter("units", List.copyOf(units));
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            UnitRecords u = records.computeIfAbsent((String) r[1], k -> UnitRecords.collecting());
            switch (String.valueOf(r[0])) {
                case "R" -> u.reportsByPeriod().put((String) r[2], new ReportRow((String) r[3], (String) r[4], (String) r[5]));
                case "O" -> u.overduePeriods().add((String) r[2]);
                case "T" -> u.targets().add(new TargetIn((String) r[2], (String) r[3], ((BigDecimal) r[6]).stripTrailingZeros(),
                        r[7] == null ? null : ((BigDecimal) r[7]).stripTrailingZeros()));
                default -> u.tasks().add(new TaskIn((String) r[2], (String) r[3], (LocalDate) r[8]));
            }
        }
        return records;
    }

    /** Periods of a plan whose window opened or that anything has been reported or noticed for, oldest first. */
    @Override
    public List<PeriodCode> activePeriods(String plan) {
        return em.createNativeQuery("select period_code from report where plan_code = ?1 union "
                + "select period_code from overdue where plan_code = ?1 union "
                + "select period_code from period_deadline where plan_code = ?1 and opened_at is not null order by 1")
                .setParameter(1, plan)
                .getResultList().stream().map(c -> PeriodCode.parse((String) c).orElseThrow()).toList();
    }
}
