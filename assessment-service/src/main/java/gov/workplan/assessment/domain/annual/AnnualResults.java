package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import gov.workplan.common.json.JsonText;
import gov.workplan.common.time.StoredTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.assessment.domain.AssessedRecords;
import gov.workplan.assessment.domain.AssessedRecords.Names;
import gov.workplan.assessment.domain.PeriodCode;
import gov.workplan.assessment.domain.annual.AnnualRankings.AnnualCategory;
import gov.workplan.assessment.domain.annual.AnnualRankings.AnnualEntry;
import gov.workplan.assessment.domain.annual.AnnualScoring.Breakdown;
import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The annual cycle (年度考核): freeze (office) → approve (leader, 审定) → notify the units (office; each reads its
 * own result, nothing is public) → objection window (申诉期, working days in Asia/Shanghai) in which a unit's
 * reporter objects to a line of its breakdown → the office upholds (the input is corrected, and a new version
 * is frozen and approved; the earlier one stays, superseded) or rejects, with a reason → publication, only once
 * the window has closed and every objection is ruled. Who froze a version may not approve it, who approved it
 * may not publish it. Every step is an event on workplan.assessment.
 */
@ApplicationScoped
public class AnnualResults {

    public static final int MAX_REASON = 2000;
    public static final int MAX_EVIDENCE = 500;

    @Inject
    AnnualRankings rankings;

    @Inject
    Reconciliation reconciliation;

    @Inject
    AssessedRecords store;

    @Inject
    AnnualEvents events;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @ConfigProperty(name = "assessment.separation-of-duties", defaultValue = "true")
    boolean separationOfDuties;

    @ConfigProperty(name = "assessment.objection-window.working-days", defaultValue = "5")
    int objectionDays;

    @ConfigProperty(name = "assessment.calendar.holidays")
    Optional<List<LocalDate>> holidays;

    @ConfigProperty(name = "assessment.calendar.working-weekend-days")
    Optional<List<LocalDate>> workingWeekendDays;

    @Schema(name = "AnnualUnitResult", description = "A unit's annual result as frozen: score, grade, rank, every line.")
    public record UnitResult(String unit, String unitNameZh, String unitNameEn,
            List<AnnualRankings.Official> chiefOfficials, BigDecimal score, Grade grade, String gradeZh, int rank,
            String reason, boolean vetoed, Breakdown breakdown,
            @Schema(description = "Lines whose figures changed after an objection (申诉后更正), against the version the "
                    + "unit was notified of.") List<String> changedAfterObjection) {
    }

    @Schema(name = "AnnualResultCategory")
    public record Category(String category, List<UnitResult> units) {
    }

    @Schema(name = "AnnualSnapshot")
    public record Snapshot(String plan, int year, int version, Instant frozenAt, List<Category> categories,
            @Schema(description = "Indicator lines beyond the data-quality threshold when frozen.") int dataQualityFlags) {

        public Optional<UnitResult> unit(String code) {
            return categories.stream().flatMap(c -> c.units().stream()).filter(u -> u.unit().equals(code)).findFirst();
        }
    }

    /**
     * Freezes the year's live assessment as a new version, once the fourth quarter's deadline has passed. A
     * later version supersedes the one before — while it is frozen or approved, or once notified if an
     * objection was upheld since — and needs a reason; a published year is final.
     */
    @Transactional
    public AnnualResult freeze(String plan, Integer year, String reason, Optional<Instant> q4Deadline, String actor) {
        FieldErrors errors = new FieldErrors();
        if (year == null || year < 1900 || year > 2999) {
            errors.add("year", "must be a year like 2011");
        }
        AnnualInputs.text(reason, "reason", MAX_REASON, false, errors);
        errors.throwIfAny();
        lock(plan, year);
        Instant now = StoredTime.now(clock);
        if (q4Deadline.isEmpty() || now.isBefore(q4Deadline.get())) {
            throw ApiProblem.conflict("year", "the fourth quarter of " + year + " is still open for reports"
                    + q4Deadline.map(d -> " until " + d).orElse(" (its deadline is not known yet)"));
        }
        List<AnnualCategory> live = rankings.of(plan, year, null);
        if (live.isEmpty()) {
            throw ApiProblem.conflict("year", plan + " has no annual assessment of " + year + " yet: it starts with the "
                    + "fourth quarter's assessment or the first official statistic");
        }
        AnnualResult latest = latest(plan, year);
        if (latest != null) {
            switch (latest.status) {
                case PUBLISHED -> throw ApiProblem.conflict("year", year + " is published (version " + latest.version
                        + "): a published annual result is final");
                case NOTIFIED -> {
                    if (upheldSince(plan, year, latest.frozenAt).isEmpty()) {
                        throw ApiProblem.conflict("year", "version " + latest.version + " has been notified to the units; "
                                + "a new version follows only an upheld objection");
                    }
                }
                default -> {
                    // FROZEN or APPROVED: the office corrects before the units are told
                }
            }
            if (reason == null || reason.isBlank()) {
                throw ApiProblem.invalid("reason", "is required for a new version: why version " + latest.version
                        + " is replaced");
            }
        }
        AnnualResult result = new AnnualResult();
        result.id = UUID.randomUUID();
        result.planCode = plan;
        result.year = year;
        result.version = latest == null ? 1 : latest.version + 1;
        result.status = AnnualResult.Status.FROZEN;
        result.reason = reason;
        result.frozenAt = now;
        result.frozenBy = actor;
        result.snapshot = JsonText.write(mapper, snapshot(plan, year, result.version, now, live));
        result.persist();
        if (latest != null) {
            latest.status = AnnualResult.Status.SUPERSEDED;
            latest.supersededBy = result.id;
            result.objectionsCloseAt = latest.objectionsCloseAt;
        }
        events.resultChanged(result, actor);
        return result;
    }

    @Transactional
    public AnnualResult approve(UUID id, String actor) {
        AnnualResult result = locked(id);
        require(result, AnnualResult.Status.FROZEN, "approved");
        if (separationOfDuties && actor.equals(result.frozenBy)) {
            throw ApiProblem.forbidden("separation of duties: " + actor + " froze this result and may not also approve "
                    + "it; another member of the leading group approves");
        }
        result.status = AnnualResult.Status.APPROVED;
        result.approvedAt = StoredTime.now(clock);
        result.approvedBy = actor;
        events.resultChanged(result, actor);
        return result;
    }

    /**
     * Tells the units their results: each may read its own, and the objection window opens — or, for a version
     * after an upheld objection, the cycle's window stays as it was.
     */
    @Transactional
    public AnnualResult notifyUnits(UUID id, String actor) {
        AnnualResult result = locked(id);
        require(result, AnnualResult.Status.APPROVED, "notified");
        result.status = AnnualResult.Status.NOTIFIED;
        result.notifiedAt = StoredTime.now(clock);
        result.notifiedBy = actor;
        if (result.objectionsCloseAt == null) {
            result.objectionsCloseAt = new WorkingDays(WorkingDays.SHANGHAI, Set.copyOf(holidays.orElse(List.of())),
                    Set.copyOf(workingWeekendDays.orElse(List.of()))).closes(result.notifiedAt, objectionDays);
        }
        events.resultChanged(result, actor);
        return result;
    }

    /** A unit's reporter objects to one line of its notified result, within the window. */
    @Transactional
    public Objection object(UUID resultId, String unit, String line, String reason, String evidence, String actor) {
        FieldErrors errors = new FieldErrors();
        AnnualInputs.text(unit, "unit", 64, true, errors);
        AnnualInputs.text(line, "line", 140, true, errors);
        AnnualInputs.text(reason, "reason", MAX_REASON, true, errors);
        AnnualInputs.text(evidence, "evidence", MAX_EVIDENCE, false, errors);
        errors.throwIfAny();
        AnnualResult result = locked(resultId);
        require(result, AnnualResult.Status.NOTIFIED, "objected to");
        Instant now = StoredTime.now(clock);
        if (!now.isBefore(result.objectionsCloseAt)) {
            throw ApiProblem.conflict("id", "the objection window closed at " + result.objectionsCloseAt);
        }
        UnitResult own = snapshot(result).unit(unit)
                .orElseThrow(() -> ApiProblem.notFound("unit", "unit in this result", unit));
        List<String> lines = own.breakdown().lines();
        if (!lines.contains(line)) {
            throw ApiProblem.invalid("line", "must be a line of the unit's breakdown: " + String.join(", ", lines));
        }
        if (Objection.count("resultId = ?1 and unitCode = ?2 and line = ?3 and status = ?4", resultId, unit, line,
                Objection.Status.FILED) > 0) {
            throw ApiProblem.conflict("line", "an objection to " + line + " is already awaiting the office's ruling");
        }
        Objection o = new Objection();
        o.id = UUID.randomUUID();
        o.resultId = resultId;
        o.planCode = result.planCode;
        o.year = result.year;
        o.unitCode = unit;
        o.line = line;
        o.reason = reason;
        o.evidence = evidence;
        o.filedBy = actor;
        o.filedAt = now;
        o.status = Objection.Status.FILED;
        o.persist();
        events.objectionChanged(o, actor);
        return o;
    }

    /**
     * The office upholds or rejects an objection, with its reason. Upholding means the input the line comes from
     * is to be corrected and a new version frozen; publication waits for it.
     */
    @Transactional
    public Objection rule(UUID objectionId, boolean upheld, String ruling, String actor) {
        FieldErrors errors = new FieldErrors();
        AnnualInputs.text(ruling, "reason", MAX_REASON, true, errors);
        errors.throwIfAny();
        Objection o = Objection.findById(objectionId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw ApiProblem.notFound("id", "objection", String.valueOf(objectionId));
        }
        if (o.status != Objection.Status.FILED) {
            throw ApiProblem.conflict("status", "the objection is already " + o.status);
        }
        o.status = upheld ? Objection.Status.UPHELD : Objection.Status.REJECTED;
        o.ruling = ruling;
        o.ruledBy = actor;
        o.ruledAt = StoredTime.now(clock);
        events.objectionChanged(o, actor);
        return o;
    }

    /**
     * Publishes the year: the current version, notified, once the objection window has closed, every objection
     * of the cycle is ruled, and every upheld one was ruled before this version was frozen (its correction is in).
     */
    @Transactional
    public AnnualResult publish(UUID id, String actor) {
        AnnualResult result = locked(id);
        require(result, AnnualResult.Status.NOTIFIED, "published");
        Instant now = StoredTime.now(clock);
        if (now.isBefore(result.objectionsCloseAt)) {
            throw ApiProblem.conflict("id", "the objection window is open until " + result.objectionsCloseAt);
        }
        long pending = Objection.count("planCode = ?1 and year = ?2 and status = ?3", result.planCode, result.year,
                Objection.Status.FILED);
        if (pending > 0) {
            throw ApiProblem.conflict("id", pending + " objection(s) still await the office's ruling");
        }
        List<Objection> late = upheldSince(result.planCode, result.year, result.frozenAt);
        if (!late.isEmpty()) {
            throw ApiProblem.conflict("id", "objection " + late.get(0).id + " (" + late.get(0).unitCode + ", "
                    + late.get(0).line + ") was upheld after this version was frozen: correct the input and freeze a new "
                    + "version");
        }
        if (separationOfDuties && actor.equals(result.approvedBy)) {
            throw ApiProblem.forbidden("separation of duties: " + actor + " approved this result and may not also "
                    + "publish it; the office publishes");
        }
        result.status = AnnualResult.Status.PUBLISHED;
        result.publishedAt = now;
        result.publishedBy = actor;
        events.published(result, snapshot(result));
        return result;
    }

    public Snapshot snapshot(AnnualResult result) {
        try {
            return mapper.readValue(result.snapshot, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored annual snapshot is unreadable", e);
        }
    }

    public AnnualResult find(UUID id) {
        AnnualResult result = AnnualResult.findById(id);
        if (result == null) {
            throw ApiProblem.notFound("id", "annual result", String.valueOf(id));
        }
        return result;
    }

    public List<AnnualResult> of(String plan, Integer year) {
        return year == null ? AnnualResult.list("planCode = ?1 order by year, version", plan)
                : AnnualResult.list("planCode = ?1 and year = ?2 order by version", plan, year);
    }

    public List<Objection> objections(UUID resultId, String unit) {
        AnnualResult result = find(resultId);
        return unit == null
                ? Objection.list("planCode = ?1 and year = ?2 order by filedAt", result.planCode, result.year)
                : Objection.list("planCode = ?1 and year = ?2 and unitCode = ?3 order by filedAt", result.planCode,
                        result.year, unit);
    }

    public Objection objection(UUID id) {
        Objection o = Objection.findById(id);
        if (o == null) {
            throw ApiProblem.notFound("id", "objection", String.valueOf(id));
        }
        return o;
    }

    /** The published annual results of a plan, of one year or (null) every year. */
    public List<AnnualResult> publishedOf(String plan, Integer year) {
        return year == null
                ? AnnualResult.list("planCode = ?1 and status = ?2 order by year", plan, AnnualResult.Status.PUBLISHED)
                : AnnualResult.list("planCode = ?1 and year = ?2 and status = ?3", plan, year, AnnualResult.Status.PUBLISHED);
    }

    private Snapshot snapshot(String plan, int year, int version, Instant now, List<AnnualCategory> live) {
        Map<String, Names> names = store.unitNames();
        Map<String, Set<String>> changed = changedAfterObjections(plan, year);
        List<Category> categories = new ArrayList<>();
        for (AnnualCategory c : live) {
            List<UnitResult> units = new ArrayList<>();
            for (AnnualEntry e : c.entries()) {
                Breakdown breakdown = read(rankings.breakdown(plan, year, e.unit()), Breakdown.class);
                Names n = names.getOrDefault(e.unit(), new Names(e.unitNameZh(), e.unit()));
                units.add(new UnitResult(e.unit(), n.nameZh(), n.nameEn(), e.chiefOfficials(), e.score(), e.grade(),
                        e.gradeZh(), e.rank(), e.reason(), e.vetoed(), breakdown, List.of()));
            }
            categories.add(new Category(c.category(), units));
        }
        Snapshot draft = new Snapshot(plan, year, version, now, categories, reconciliation.of(plan, year).flagged());
        if (changed.isEmpty()) {
            return draft;
        }
        // Units with an upheld objection: which lines differ from the version they were notified of.
        AnnualResult notified = AnnualResult.<AnnualResult> find("planCode = ?1 and year = ?2 and notifiedAt is not null "
                + "order by version desc", plan, year).firstResult();
        Snapshot before = notified == null ? null : snapshot(notified);
        List<Category> marked = new ArrayList<>();
        for (Category c : categories) {
            marked.add(new Category(c.category(), c.units().stream().map(u -> {
                if (before == null || !changed.containsKey(u.unit())) {
                    return u;
                }
                List<String> lines = before.unit(u.unit()).map(b -> differing(b, u)).orElse(List.of());
                return new UnitResult(u.unit(), u.unitNameZh(), u.unitNameEn(), u.chiefOfficials(), u.score(), u.grade(),
                        u.gradeZh(), u.rank(), u.reason(), u.vetoed(), u.breakdown(), lines);
            }).toList()));
        }
        return new Snapshot(plan, year, version, now, marked, draft.dataQualityFlags());
    }

    /** The units with an upheld objection in the year's cycle, and the lines they objected to. */
    private Map<String, Set<String>> changedAfterObjections(String plan, int year) {
        Map<String, Set<String>> upheld = new HashMap<>();
        Objection.<Objection> list("planCode = ?1 and year = ?2 and status = ?3", plan, year, Objection.Status.UPHELD)
                .forEach(o -> upheld.computeIfAbsent(o.unitCode, u -> new TreeSet<>()).add(o.line));
        return upheld;
    }

    /** The ids of the lines whose content differs between two versions of a unit's result (the grade included). */
    private List<String> differing(UnitResult before, UnitResult now) {
        Map<String, JsonNode> a = lines(before);
        Map<String, JsonNode> b = lines(now);
        Set<String> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        return ids.stream().filter(id -> !java.util.Objects.equals(a.get(id), b.get(id))).toList();
    }

    private Map<String, JsonNode> lines(UnitResult unit) {
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        JsonNode tree = mapper.valueToTree(unit.breakdown());
        for (String list : List.of("indicators", "tasksDue", "timeliness", "judged", "adjustments", "vetoes")) {
            tree.path(list).forEach(line -> lines.put(line.path("line").asText(), line));
        }
        lines.put(AnnualScoring.GRADE_LINE, mapper.getNodeFactory().textNode(unit.grade().name()));
        return lines;
    }

    private List<Objection> upheldSince(String plan, int year, Instant frozenAt) {
        return Objection.list("planCode = ?1 and year = ?2 and status = ?3 and ruledAt > ?4 order by ruledAt", plan, year,
                Objection.Status.UPHELD, frozenAt);
    }

    private AnnualResult latest(String plan, int year) {
        return AnnualResult.<AnnualResult> find("planCode = ?1 and year = ?2 order by version desc", plan, year)
                .firstResult();
    }

    private static void require(AnnualResult result, AnnualResult.Status status, String verb) {
        if (result.status != status) {
            throw ApiProblem.conflict("status", "only a " + status + " annual result can be " + verb + "; this one is "
                    + result.status);
        }
    }

    private void lock(String plan, int year) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "annual-result:" + plan + ":" + year)
                .getSingleResult();
    }

    private AnnualResult locked(UUID id) {
        AnnualResult result = AnnualResult.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (result == null) {
            throw ApiProblem.notFound("id", "annual result", String.valueOf(id));
        }
        return result;
    }


    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored annual record is unreadable", e);
        }
    }


    /** The fourth quarter of a year, whose deadline opens the annual cycle. */
    public static String fourthQuarter(int year) {
        return PeriodCode.of(year, 4).code();
    }
}
