package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import gov.workplan.common.time.StoredTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.workplan.assessment.domain.AssessedRecords;
import gov.workplan.assessment.domain.AssessedRecords.UnitInfo;
import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.Scoring.TargetIn;
import gov.workplan.assessment.domain.annual.AnnualScoring.Entry;
import gov.workplan.assessment.domain.annual.AnnualScoring.Official;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * What the annual assessment reads besides the quarterly store: official statistics, the office's entries for
 * the scheme's items, and the units' chief officials. Every change is a new row; the current value is the
 * latest.
 */
@ApplicationScoped
public class AnnualInputs {

    public static final int MAX_SOURCE = 200;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_EVIDENCE = 500;
    public static final int MAX_NAME = 100;
    public static final int MAX_POST = 200;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1E15");

    @Inject
    AssessedRecords store;

    @Inject
    AnnualSchemes schemes;

    @Inject
    Clock clock;

    /** The current official values of the year, by unit and indicator; of one unit or (null) all. */
    public Map<String, Map<String, Official>> official(String plan, int year, java.util.Collection<String> units) {
        Map<String, Map<String, Official>> byUnit = new HashMap<>();
        for (OfficialStatistic s : currentOf(plan, year, units)) {
            byUnit.computeIfAbsent(s.unitCode, u -> new LinkedHashMap<>()).put(s.indicatorCode,
                    new Official(s.value, s.source, s.sourceDate, s.version));
        }
        return byUnit;
    }

    /** The current version of each official value of the year, by unit and indicator. */
    public List<OfficialStatistic> current(String plan, int year, String unit) {
        return currentOf(plan, year, unit == null ? null : List.of(unit));
    }

    /** The same for some units (null: all). */
    public List<OfficialStatistic> currentOf(String plan, int year, java.util.Collection<String> units) {
        String latest = "s.version = (select max(o.version) from OfficialStatistic o where o.planCode = s.planCode "
                + "and o.year = s.year and o.unitCode = s.unitCode and o.indicatorCode = s.indicatorCode) "
                + "order by s.unitCode, s.indicatorCode";
        return units == null
                ? OfficialStatistic.list("from OfficialStatistic s where s.planCode = ?1 and s.year = ?2 and " + latest, plan, year)
                : OfficialStatistic.list("from OfficialStatistic s where s.planCode = ?1 and s.year = ?2 and s.unitCode in ?3 "
                        + "and " + latest, plan, year, List.copyOf(units));
    }

    public List<OfficialStatistic> history(String plan, int year, String unit, String indicator) {
        return OfficialStatistic.list("planCode = ?1 and year = ?2 and unitCode = ?3 and indicatorCode = ?4 "
                + "order by version", plan, year, unit, indicator);
    }

    /**
     * What is wrong with an official value, by field (unit, indicator, value, source, sourceDate, note): the unit
     * must be known and have a target of the indicator that year. Empty when it can be recorded.
     */
    public FieldErrors checkOfficial(String plan, int year, String unit, String indicator, BigDecimal value, String source,
            LocalDate sourceDate, String note) {
        FieldErrors errors = new FieldErrors();
        if (value == null || value.signum() < 0 || value.compareTo(MAX_VALUE) >= 0 || value.stripTrailingZeros().scale() > 4) {
            errors.add("value", "must be a number from 0 below 10^15 with at most 4 decimals");
        }
        text(source, "source", MAX_SOURCE, true, errors);
        text(note, "note", MAX_TEXT, false, errors);
        if (sourceDate == null) {
            errors.add("sourceDate", "is required: the date the official figure was published");
        }
        if (unit == null || store.unit(unit).isEmpty()) {
            errors.add("unit", "must be a unit of the plan");
        } else {
            Map<String, TargetIn> targets = targets(plan, year, unit);
            if (indicator == null || !targets.containsKey(indicator)) {
                errors.add("indicator", "must be an indicator " + unit + " has a " + year + " target of: " + targets.keySet());
            }
        }
        return errors;
    }

    /**
     * Records an official year-end value as a new version ({@link #checkOfficial} first: 400 naming every field).
     * Returns null when the value, source and date equal the current version's: nothing changed, nothing written.
     */
    @Transactional(TxType.MANDATORY)
    public OfficialStatistic recordOfficial(String plan, int year, String unit, String indicator, BigDecimal value,
            String source, LocalDate sourceDate, String note, String actor) {
        checkOfficial(plan, year, unit, indicator, value, source, sourceDate, note).throwIfAny();
        List<OfficialStatistic> versions = history(plan, year, unit, indicator);
        OfficialStatistic last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (last != null && last.value.compareTo(value) == 0 && last.source.equals(source) && last.sourceDate.equals(sourceDate)) {
            return null;
        }
        OfficialStatistic s = new OfficialStatistic();
        s.planCode = plan;
        s.year = year;
        s.unitCode = unit;
        s.indicatorCode = indicator;
        s.version = last == null ? 1 : last.version + 1;
        s.value = value;
        s.source = source;
        s.sourceDate = sourceDate;
        s.note = note;
        s.recordedBy = actor;
        s.recordedAt = StoredTime.now(clock);
        s.persist();
        return s;
    }

    public Map<String, TargetIn> targets(String plan, int year, String unit) {
        Map<String, TargetIn> targets = new LinkedHashMap<>();
        var records = store.records(plan, PeriodCode.of(year, 4), unit).get(unit);
        if (records != null) {
            records.targets().forEach(t -> targets.put(t.indicator(), t));
        }
        return targets;
    }

    public UnitInfo requireUnit(String unit) {
        return store.unit(unit).orElseThrow(() -> ApiProblem.notFound("unit", "unit", String.valueOf(unit)));
    }

    /** The latest entry of every item of the year, withdrawals left out; of one unit or (null) all. */
    public Map<String, Map<String, Entry>> entries(String plan, int year, java.util.Collection<String> units) {
        Map<String, Map<String, Entry>> byUnit = new HashMap<>();
        for (AnnualItemEntry e : latestEntriesOf(plan, year, units)) {
            if (!e.withdrawn) {
                byUnit.computeIfAbsent(e.unitCode, u -> new LinkedHashMap<>()).put(e.itemCode,
                        new Entry(e.points, e.reason, e.evidence));
            }
        }
        return byUnit;
    }

    public List<AnnualItemEntry> latestEntries(String plan, int year, String unit) {
        return latestEntriesOf(plan, year, unit == null ? null : List.of(unit));
    }

    /** The same for some units (null: all). */
    public List<AnnualItemEntry> latestEntriesOf(String plan, int year, java.util.Collection<String> units) {
        String latest = "e.id = (select max(x.id) from AnnualItemEntry x where x.planCode = e.planCode and x.year = e.year "
                + "and x.unitCode = e.unitCode and x.itemCode = e.itemCode) order by e.unitCode, e.itemCode";
        return units == null
                ? AnnualItemEntry.list("from AnnualItemEntry e where e.planCode = ?1 and e.year = ?2 and " + latest, plan, year)
                : AnnualItemEntry.list("from AnnualItemEntry e where e.planCode = ?1 and e.year = ?2 and e.unitCode in ?3 and "
                        + latest, plan, year, List.copyOf(units));
    }

    public List<AnnualItemEntry> entryHistory(String plan, int year, String unit) {
        return AnnualItemEntry.list("planCode = ?1 and year = ?2 and unitCode = ?3 order by id", plan, year, unit);
    }

    /**
     * The office's entry for an item of the unit's year, as the scheme of its category defines the item: judged
     * points within the item's range, bonus and penalty points above 0 (the cap applies when scored), a veto
     * without points. A reason always; evidence for bonus, penalty and veto.
     */
    @Transactional(TxType.MANDATORY)
    public AnnualItemEntry enter(String plan, int year, String unit, String item, BigDecimal points, String reason,
            String evidence, String actor) {
        UnitInfo u = requireUnit(unit);
        AnnualRules rules = schemes.rulesFor(plan, u.category(), year);
        AnnualRules.ItemKind kind = item == null ? null : rules.kindOf(item);
        FieldErrors errors = new FieldErrors();
        if (kind == null) {
            errors.add("item", "must be an item of the " + u.category() + " scheme of " + year + ": judged "
                    + rules.judgedItems().stream().map(AnnualRules.JudgedItem::code).toList() + ", bonus "
                    + rules.bonusItems().stream().map(AnnualRules.Adjustment::code).toList() + ", penalty "
                    + rules.penaltyItems().stream().map(AnnualRules.Adjustment::code).toList() + ", veto "
                    + rules.vetoItems().stream().map(AnnualRules.VetoItem::code).toList());
        }
        text(reason, "reason", MAX_TEXT, true, errors);
        text(evidence, "evidence", MAX_EVIDENCE, kind != null && kind != AnnualRules.ItemKind.JUDGED, errors);
        if (kind == AnnualRules.ItemKind.JUDGED) {
            AnnualRules.JudgedItem judged = rules.judgedItems().stream().filter(i -> i.code().equals(item)).findFirst()
                    .orElseThrow();
            if (points == null || points.compareTo(judged.minPoints()) < 0 || points.compareTo(judged.maxPoints()) > 0
                    || points.stripTrailingZeros().scale() > 4) {
                errors.add("points", "must be from " + judged.minPoints().toPlainString() + " to "
                        + judged.maxPoints().toPlainString() + " for " + item);
            }
        } else if (kind == AnnualRules.ItemKind.BONUS || kind == AnnualRules.ItemKind.PENALTY) {
            if (points == null || points.signum() <= 0 || points.compareTo(new BigDecimal("1000")) > 0
                    || points.stripTrailingZeros().scale() > 4) {
                errors.add("points", "must be above 0 and at most 1000 (the item's cap applies when scored)");
            }
        } else if (kind == AnnualRules.ItemKind.VETO && points != null) {
            errors.add("points", "must be left out: a veto has no points");
        }
        errors.throwIfAny();
        return persist(plan, year, unit, item, kind, points, reason, evidence, false, actor);
    }

    /** Takes an item's entry back, with the reason; the entry stays in the history. */
    @Transactional(TxType.MANDATORY)
    public AnnualItemEntry withdraw(String plan, int year, String unit, String item, String reason, String actor) {
        requireUnit(unit);
        FieldErrors errors = new FieldErrors();
        text(reason, "reason", MAX_TEXT, true, errors);
        errors.throwIfAny();
        AnnualItemEntry current = latestEntries(plan, year, unit).stream().filter(e -> e.itemCode.equals(item)).findFirst()
                .orElse(null);
        if (current == null || current.withdrawn) {
            throw ApiProblem.conflict("item", "the unit has no entry for " + item + " in " + year + " to withdraw");
        }
        return persist(plan, year, unit, item, current.kind, null, reason, null, true, actor);
    }

    private AnnualItemEntry persist(String plan, int year, String unit, String item, AnnualRules.ItemKind kind,
            BigDecimal points, String reason, String evidence, boolean withdrawn, String actor) {
        AnnualItemEntry e = new AnnualItemEntry();
        e.planCode = plan;
        e.year = year;
        e.unitCode = unit;
        e.itemCode = item;
        e.kind = kind;
        e.points = points;
        e.reason = reason;
        e.evidence = evidence;
        e.withdrawn = withdrawn;
        e.enteredBy = actor;
        e.enteredAt = StoredTime.now(clock);
        e.persist();
        return e;
    }

    /** Records who held the unit's chief post from {@code from} (to {@code to}, or still). */
    @Transactional(TxType.MANDATORY)
    public ChiefOfficial appoint(String unit, String name, String post, LocalDate from, LocalDate to, String actor) {
        requireUnit(unit);
        FieldErrors errors = new FieldErrors();
        text(name, "name", MAX_NAME, true, errors);
        text(post, "post", MAX_POST, true, errors);
        if (from == null) {
            errors.add("from", "is required: the first day in post");
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to", "must not be before from");
        }
        errors.throwIfAny();
        ChiefOfficial c = new ChiefOfficial();
        c.unitCode = unit;
        c.name = name.strip();
        c.post = post.strip();
        c.fromDate = from;
        c.toDate = to;
        c.recordedBy = actor;
        c.recordedAt = StoredTime.now(clock);
        c.persist();
        return c;
    }

    public List<ChiefOfficial> officials(String unit) {
        return ChiefOfficial.list("unitCode = ?1 order by fromDate, id", unit);
    }

    /** Who held each unit's chief post at some time in the year, by unit, in order of taking office. */
    public Map<String, List<ChiefOfficial>> officialsOfYear(int year) {
        Map<String, List<ChiefOfficial>> byUnit = new HashMap<>();
        ChiefOfficial.<ChiefOfficial> list("fromDate <= ?1 and (toDate is null or toDate >= ?2) order by unitCode, fromDate, id",
                LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1))
                .forEach(c -> byUnit.computeIfAbsent(c.unitCode, u -> new java.util.ArrayList<>()).add(c));
        return byUnit;
    }


    static void text(String value, String field, int max, boolean required, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
        } else if (value.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
    }
}
