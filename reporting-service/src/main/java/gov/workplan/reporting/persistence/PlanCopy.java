package gov.workplan.reporting.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.workplan.reporting.domain.ExpectedReport;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedIndicator;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedTask;
import gov.workplan.reporting.domain.PlanDirectory;
import gov.workplan.reporting.domain.PlanInfo;
import gov.workplan.reporting.domain.ReportingRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * reporting-service's copy of the plans it serves, written only from targets-service's events.
 * Plain SQL: the copy is upserted by key, which is what SQL says best, and read as records.
 */
@ApplicationScoped
public class PlanCopy implements PlanDirectory {

    @Inject
    EntityManager em;

    public void upsertPlan(String code, String title, int spanFrom, int spanTo, String officeUnit, String frequency,
            int dueMonth, int dueDay, String zone, Instant at) {
        em.createNativeQuery("""
                insert into plan (code, title, span_from, span_to, office_unit_code, frequency,
                                  due_month_of_next_quarter, due_day_of_month, zone, updated_at, loaded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
                on conflict (code) do update set title = excluded.title, span_from = excluded.span_from,
                    span_to = excluded.span_to, office_unit_code = excluded.office_unit_code,
                    frequency = excluded.frequency, due_month_of_next_quarter = excluded.due_month_of_next_quarter,
                    due_day_of_month = excluded.due_day_of_month, zone = excluded.zone, updated_at = excluded.updated_at
                """).setParameter(1, code).setParameter(2, title).setParameter(3, spanFrom).setParameter(4, spanTo)
                .setParameter(5, officeUnit).setParameter(6, frequency).setParameter(7, dueMonth)
                .setParameter(8, dueDay).setParameter(9, zone).setParameter(10, at).executeUpdate();
    }

    public void upsertUnit(String code, String nameZh, String nameEn, String category, String parent) {
        em.createNativeQuery("""
                insert into unit (code, name_zh, name_en, category, parent_code) values (?1, ?2, ?3, ?4, ?5)
                on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                    category = excluded.category, parent_code = excluded.parent_code
                """).setParameter(1, code).setParameter(2, nameZh).setParameter(3, nameEn).setParameter(4, category)
                .setParameter(5, parent).executeUpdate();
    }

    public void upsertIndicator(String plan, String code, String nameZh, String nameEn, String unitOfMeasure) {
        em.createNativeQuery("""
                insert into indicator (plan_code, code, position, name_zh, name_en, unit_of_measure)
                values (?1, ?2, (select count(*) from indicator where plan_code = ?1), ?3, ?4, ?5)
                on conflict (plan_code, code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                    unit_of_measure = excluded.unit_of_measure
                """).setParameter(1, plan).setParameter(2, code).setParameter(3, nameZh).setParameter(4, nameEn)
                .setParameter(5, unitOfMeasure).executeUpdate();
    }

    /** Keeps the highest revision: a late or repeated older revision never overwrites a newer one. */
    public void upsertTarget(String plan, String unit, String indicator, int year, String kind, BigDecimal value,
            BigDecimal maxValue, int revision) {
        em.createNativeQuery("""
                insert into target (plan_code, unit_code, indicator_code, year, kind, value, max_value, revision)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (plan_code, unit_code, indicator_code, year) do update set kind = excluded.kind,
                    value = excluded.value, max_value = excluded.max_value, revision = excluded.revision
                where target.revision < excluded.revision
                """).setParameter(1, plan).setParameter(2, unit).setParameter(3, indicator).setParameter(4, year)
                .setParameter(5, kind).setParameter(6, value).setParameter(7, maxValue).setParameter(8, revision)
                .executeUpdate();
    }

    public void upsertTask(String plan, String code, String title, LocalDate deadline, Map<String, String> roleByUnit) {
        em.createNativeQuery("""
                insert into task (plan_code, code, position, title, deadline)
                values (?1, ?2, (select count(*) from task where plan_code = ?1), ?3, ?4)
                on conflict (plan_code, code) do update set title = excluded.title, deadline = excluded.deadline
                """).setParameter(1, plan).setParameter(2, code).setParameter(3, title)
                .setParameter(4, deadline == null ? null : Date.valueOf(deadline)).executeUpdate();
        em.createNativeQuery("delete from task_responsibility where plan_code = ?1 and task_code = ?2")
                .setParameter(1, plan).setParameter(2, code).executeUpdate();
        roleByUnit.forEach((unit, role) -> em.createNativeQuery(
                "insert into task_responsibility (plan_code, task_code, unit_code, role) values (?1, ?2, ?3, ?4)")
                .setParameter(1, plan).setParameter(2, code).setParameter(3, unit).setParameter(4, role)
                .executeUpdate());
    }

    @Override
    public Optional<PlanInfo> plan(String code) {
        List<?> rows = em.createNativeQuery("select code, title, span_from, span_to, office_unit_code, "
                + "due_month_of_next_quarter, due_day_of_month, zone, loaded_at from plan where code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst().map(r -> new PlanInfo((String) r[0], (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (String) r[4],
                new ReportingRule(((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ZoneId.of((String) r[7])),
                instant(r[8])));
    }

    @Override
    public List<PlanInfo> plans() {
        List<?> codes = em.createNativeQuery("select code from plan order by code").getResultList();
        return codes.stream().map(c -> plan((String) c).orElseThrow()).toList();
    }

    /** The unit's Chinese name, or its code while the unit is not yet known here. */
    @Override
    public String unitNameZh(String code) {
        List<?> names = em.createNativeQuery("select name_zh from unit where code = ?1").setParameter(1, code).getResultList();
        return names.isEmpty() ? code : (String) names.get(0);
    }

    /** The unit's category (DISTRICT, DEPARTMENT, ...), or UNKNOWN while the unit is not yet known here. */
    @Override
    public String unitCategory(String code) {
        List<?> rows = em.createNativeQuery("select category from unit where code = ?1").setParameter(1, code).getResultList();
        return rows.isEmpty() ? "UNKNOWN" : (String) rows.get(0);
    }

    @Override
    public boolean unitExists(String code) {
        return !em.createNativeQuery("select 1 from unit where code = ?1").setParameter(1, code).getResultList().isEmpty();
    }

    /**
     * Every unit that owes reports in a plan (a target in any year, or a task, lead or co-responsible),
     * with what it owes for {@code year}; in unit-code order within category order.
     */
    @Override
    public List<ExpectedReport> expected(String plan, int year) {
        return expected(plan, year, null, "");
    }

    /**
     * One unit's: read for that unit alone, since every report request asks it, in plans of thousands of units — the
     * unit, its targets of the year and its tasks in one statement.
     */
    @Override
    public Optional<ExpectedReport> expected(String plan, int year, String unit) {
        Object[] found = null;
        List<ExpectedIndicator> indicators = new ArrayList<>();
        List<ExpectedTask> tasks = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                select 'U', u.code, cast(u.name_zh as text), cast(u.category as text), cast(null as text),
                       cast(null as numeric), cast(null as date), 0
                from unit u where u.code = :unit
                  and (exists (select 1 from target t where t.plan_code = :plan and t.unit_code = u.code)
                       or exists (select 1 from task_responsibility r where r.plan_code = :plan and r.unit_code = u.code))
                union all
                select 'I', t.indicator_code, cast(i.name_zh as text), cast(i.unit_of_measure as text), cast(t.kind as text),
                       t.value, cast(null as date), i.position
                from target t join indicator i on i.plan_code = t.plan_code and i.code = t.indicator_code
                where t.plan_code = :plan and t.year = :year and t.unit_code = :unit
                union all
                select 'T', t.code, cast(t.title as text), cast(r.role as text), cast(null as text), cast(null as numeric),
                       t.deadline, t.position
                from task_responsibility r join task t on t.plan_code = r.plan_code and t.code = r.task_code
                where r.plan_code = :plan and r.unit_code = :unit
                order by 1, 8
                """).setParameter("plan", plan).setParameter("year", year).setParameter("unit", unit).getResultList()) {
            Object[] r = (Object[]) row;
            switch (String.valueOf(r[0])) {
                case "U" -> found = r;
                case "I" -> indicators.add(new ExpectedIndicator((String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((BigDecimal) r[5]).stripTrailingZeros()));
                default -> tasks.add(new ExpectedTask((String) r[1], (String) r[2], (String) r[3], (LocalDate) r[6]));
            }
        }
        return found == null ? Optional.empty()
                : Optional.of(new ExpectedReport((String) found[1], (String) found[2], (String) found[3], indicators, tasks));
    }

    private List<ExpectedReport> expected(String plan, int year, String unit, String unitFilter) {
        Map<String, Object[]> units = new LinkedHashMap<>();
        for (Object row : withUnit(em.createNativeQuery("""
                select u.code, u.name_zh, u.category from unit u
                where (exists (select 1 from target t where t.plan_code = :plan and t.unit_code = u.code)
                   or exists (select 1 from task_responsibility r where r.plan_code = :plan and r.unit_code = u.code))
                """ + unitFilter.formatted("u.code") + """
                 order by case u.category when 'CITY' then 0 when 'DISTRICT' then 1 when 'DEPARTMENT' then 2 else 3 end,
                         u.code
                """).setParameter("plan", plan), unit).getResultList()) {
            Object[] r = (Object[]) row;
            units.put((String) r[0], r);
        }
        Map<String, List<ExpectedIndicator>> indicators = new LinkedHashMap<>();
        for (Object row : withUnit(em.createNativeQuery("""
                select t.unit_code, t.indicator_code, i.name_zh, i.unit_of_measure, t.kind, t.value
                from target t join indicator i on i.plan_code = t.plan_code and i.code = t.indicator_code
                where t.plan_code = :plan and t.year = :year""" + unitFilter.formatted("t.unit_code") + """
                 order by i.position
                """).setParameter("plan", plan).setParameter("year", year), unit).getResultList()) {
            Object[] r = (Object[]) row;
            indicators.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new ExpectedIndicator((String) r[1],
                    (String) r[2], (String) r[3], (String) r[4], ((BigDecimal) r[5]).stripTrailingZeros()));
        }
        Map<String, List<ExpectedTask>> tasks = new LinkedHashMap<>();
        for (Object row : withUnit(em.createNativeQuery("""
                select r.unit_code, t.code, t.title, r.role, t.deadline
                from task_responsibility r join task t on t.plan_code = r.plan_code and t.code = r.task_code
                where r.plan_code = :plan""" + unitFilter.formatted("r.unit_code") + """
                 order by t.position
                """).setParameter("plan", plan), unit).getResultList()) {
            Object[] r = (Object[]) row;
            tasks.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new ExpectedTask((String) r[1],
                    (String) r[2], (String) r[3], (LocalDate) r[4]));
        }
        return units.values().stream().map(u -> new ExpectedReport((String) u[0], (String) u[1], (String) u[2],
                indicators.getOrDefault((String) u[0], List.of()), tasks.getOrDefault((String) u[0], List.of())))
                .toList();
    }

    private static Query withUnit(Query query, String unit) {
        return unit == null ? query : query.setParameter("unit", unit);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
