package gov.workplan.targets.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.targets.domain.PlanDocument.IndicatorEntry;
import gov.workplan.targets.domain.PlanDocument.IndustryEntry;
import gov.workplan.targets.domain.PlanDocument.TargetEntry;
import gov.workplan.targets.domain.PlanDocument.TaskEntry;
import gov.workplan.targets.domain.PlanDocument.UnitEntry;
import gov.workplan.contracts.events.TargetsEvents.Counts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;

/**
 * Loads a plan document: all of it or nothing, with the events that let the other services build
 * their own copy, in the same transaction. Importing the same document again changes nothing.
 */
@ApplicationScoped
public class PlanImporter {

    /** Arbitrary but fixed key of the advisory lock that lets one import run at a time. */
    private static final long IMPORT_LOCK = 7_303_178_470_202_412L;
    /**
     * An import is one transaction, all or nothing, and a plan of 150,000 targets takes minutes on a small
     * machine: past the suite's 60-s default the reaper aborted it (a 503). Its own limit, in seconds.
     */
    static final String IMPORT_TIMEOUT = "targets.import.transaction-timeout";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    PlanEvents events;

    public record Result(Plan plan, boolean created, Counts counts) {
    }

    /** Targets written, with their revisions and events, before the persistence context is emptied. */
    private static final int CHUNK = 500;

    /**
     * Validates the whole document, then writes it in chunks: every {@value #CHUNK} targets (with their baseline
     * revisions and events) are flushed and the persistence context emptied, so a plan of 150,000 targets imports
     * within the heap of a small plan's; it is still one transaction, all or nothing.
     *
     * @param rawGzip the document as received, gzip-compressed, kept verbatim for the record
     * @throws ApiProblem 400 naming every invalid field; 409 if the plan exists with other content
     */
    public Result importPlan(PlanDocument doc, byte[] rawGzip, String actor) {
        // the transaction is the one below's (its timeout can only be set where the transaction begins)
        return importPlan(doc, rawGzip, "application/json", actor);
    }

    /**
     * As {@link #importPlan(PlanDocument, byte[], String)}, for a document that came as {@code mediaType} (a
     * workbook): the bytes kept are those received.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = IMPORT_TIMEOUT)
    public Result importPlan(PlanDocument doc, byte[] rawGzip, String mediaType, String actor) {
        // Two replicas loading the seed, or two clerks importing, must not interleave unit registration.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, IMPORT_LOCK)
                .getSingleResult();
        Map<String, UnitEntry> registeredUnits = registeredUnits(doc);
        Map<String, IndustryEntry> registeredIndustries = registeredIndustries(doc);
        PlanDocumentRules.check(doc, registeredUnits::get, registeredIndustries::get).throwIfAny();

        String checksum = Checksums.sha256(out -> canonical(doc, out));
        Plan existing = Plan.findById(doc.plan().code());
        if (existing != null) {
            if (existing.sourceChecksum.equals(checksum)) {
                return new Result(existing, false, counts(existing));
            }
            throw ApiProblem.conflict("plan.code", "plan '" + existing.code
                    + "' is already loaded from another document; change its targets through amendments");
        }

        Instant now = clock.instant();
        List<Industry> industries = registerIndustries(doc.industries());
        List<Unit> units = registerUnits(doc.units() == null ? List.of() : doc.units());
        Plan plan = createPlan(doc, checksum, actor, now);
        List<Indicator> indicators = createIndicators(plan, doc.indicators());
        recordImport(plan, rawGzip, mediaType, checksum, actor, now);

        // The events in the order consumers rely on: the plan, its units, indicators, targets, tasks, completion.
        Counts counts = new Counts(units.size(), indicators.size(), doc.targets() == null ? 0 : doc.targets().size(),
                doc.tasks() == null ? 0 : doc.tasks().size());
        events.planRegistered(plan, industries, counts);
        units.forEach(unit -> events.unitRegistered(plan.code, unit));
        indicators.forEach(events::indicatorDefined);
        createTargets(plan, doc.targets(), units, indicators, actor, now);
        createTasks(plan, doc.tasks()).forEach(events::taskDefined);
        events.importCompleted(plan.code, checksum, counts);
        return new Result(plan, true, counts);
    }

    /** What importing the document would do, without writing: its errors, its checksum, and what exists. */
    public record Preview(java.util.List<gov.workplan.common.problem.FieldError> errors, String checksum,
            String outcome) {
    }

    @Transactional
    public Preview preview(PlanDocument doc) {
        var errors = PlanDocumentRules.check(doc, registeredUnits(doc)::get, registeredIndustries(doc)::get);
        if (!errors.isEmpty()) {
            return new Preview(errors.list(), null, "INVALID");
        }
        String checksum = Checksums.sha256(out -> canonical(doc, out));
        Plan existing = Plan.findById(doc.plan().code());
        String outcome = existing == null ? "NEW" : existing.sourceChecksum.equals(checksum) ? "ALREADY_IMPORTED" : "CONFLICT";
        return new Preview(List.of(), checksum, outcome);
    }

    private Map<String, UnitEntry> registeredUnits(PlanDocument doc) {
        Map<String, UnitEntry> registered = new HashMap<>();
        if (doc == null || doc.units() == null) {
            return registered;
        }
        List<String> codes = doc.units().stream().filter(u -> u != null && u.code() != null).map(UnitEntry::code).toList();
        Unit.<Unit> list("code in ?1", codes).forEach(u -> registered.put(u.code,
                new UnitEntry(u.code, u.nameZh, u.nameEn, u.category, u.parentCode)));
        return registered;
    }

    private Map<String, IndustryEntry> registeredIndustries(PlanDocument doc) {
        Map<String, IndustryEntry> registered = new HashMap<>();
        if (doc == null || doc.industries() == null) {
            return registered;
        }
        List<String> codes = doc.industries().stream().filter(i -> i != null && i.code() != null)
                .map(IndustryEntry::code).toList();
        Industry.<Industry> list("code in ?1", codes)
                .forEach(i -> registered.put(i.code, new IndustryEntry(i.code, i.nameZh, i.nameEn)));
        return registered;
    }

    private List<Industry> registerIndustries(List<IndustryEntry> entries) {
        List<Industry> industries = new ArrayList<>();
        for (IndustryEntry entry : entries == null ? List.<IndustryEntry> of() : entries) {
            Industry industry = Industry.findById(entry.code());
            if (industry == null) {
                industry = new Industry();
                industry.code = entry.code();
                industry.nameZh = entry.nameZh();
                industry.nameEn = entry.nameEn();
                industry.persist();
            }
            industries.add(industry);
        }
        return industries;
    }

    private List<Unit> registerUnits(List<UnitEntry> entries) {
        long next = entityManager.createQuery("select coalesce(max(u.ordinal), 0) from Unit u", Long.class)
                .getSingleResult() + 1;
        Map<String, UnitEntry> byCode = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        entries.forEach(e -> {
            position.put(e.code(), position.size());
            byCode.put(e.code(), e);
        });
        // parents before children, so that a child's reference exists when it is inserted
        List<UnitEntry> ordered = new ArrayList<>(entries);
        Map<String, Integer> depths = new HashMap<>();
        ordered.sort((a, b) -> Integer.compare(depth(a, byCode, depths), depth(b, byCode, depths)));
        Map<String, Unit> units = new HashMap<>();
        for (UnitEntry entry : ordered) {
            Unit unit = Unit.findById(entry.code());
            if (unit == null) {
                unit = new Unit();
                unit.code = entry.code();
                unit.ordinal = next + position.get(entry.code());
                unit.nameZh = entry.nameZh();
                unit.nameEn = entry.nameEn();
                unit.category = entry.category();
                unit.parentCode = entry.parent();
                unit.persist();
            }
            units.put(unit.code, unit);
        }
        return entries.stream().map(e -> units.get(e.code())).toList();
    }

    /** Distance to the root; the rules have already refused cycles. */
    private static int depth(UnitEntry unit, Map<String, UnitEntry> byCode, Map<String, Integer> memo) {
        if (unit.parent() == null) {
            return 0;
        }
        Integer known = memo.get(unit.code());
        if (known == null) {
            known = 1 + depth(byCode.get(unit.parent()), byCode, memo);
            memo.put(unit.code(), known);
        }
        return known;
    }

    private Plan createPlan(PlanDocument doc, String checksum, String actor, Instant now) {
        var h = doc.plan();
        Plan plan = new Plan();
        plan.code = h.code();
        plan.title = h.title();
        plan.titleEn = h.titleEn();
        plan.noticeTitle = h.noticeTitle();
        plan.documentNumber = h.documentNumber();
        plan.issuer = h.issuer();
        plan.issuerEn = h.issuerEn();
        plan.issuedOn = h.issuedOn();
        plan.publishedOn = h.publishedOn();
        plan.indexNumber = h.indexNumber();
        plan.category = h.category();
        plan.sourceUrl = h.sourceUrl();
        plan.addressees = h.addressees();
        plan.preamble = h.preamble();
        plan.spanFrom = h.spanFrom();
        plan.spanTo = h.spanTo();
        plan.topUnitCode = h.topUnit();
        plan.officeUnitCode = h.officeUnit();
        plan.approverUnitCode = h.approverUnit();
        plan.reportingFrequency = h.reporting().frequency();
        plan.reportingDueMonth = h.reporting().dueMonthOfNextQuarter();
        plan.reportingDueDay = h.reporting().dueDayOfMonth();
        plan.reportingZone = h.reporting().zone();
        plan.reportingRecipientCode = h.reporting().recipientUnit();
        plan.reportingWording = h.reporting().wording();
        plan.sourceChecksum = checksum;
        plan.importedAt = now;
        plan.importedBy = actor;
        if (doc.industries() != null) {
            doc.industries().forEach(i -> plan.industryCodes.add(i.code()));
        }
        doc.units().forEach(u -> plan.unitCodes.add(u.code()));
        if (h.goals() != null) {
            h.goals().forEach(g -> {
                Plan.Goal goal = new Plan.Goal();
                goal.year = g.year();
                goal.statement = g.statement();
                plan.goals.add(goal);
            });
        }
        if (h.appendices() != null) {
            h.appendices().forEach(a -> {
                Plan.Appendix appendix = new Plan.Appendix();
                appendix.number = a.number();
                appendix.title = a.title();
                appendix.included = a.included();
                appendix.note = a.note();
                plan.appendices.add(appendix);
            });
        }
        if (h.notes() != null) {
            plan.notes.addAll(h.notes());
        }
        plan.persist();
        return plan;
    }

    private static List<Indicator> createIndicators(Plan plan, List<IndicatorEntry> entries) {
        List<Indicator> indicators = new ArrayList<>();
        for (IndicatorEntry entry : entries == null ? List.<IndicatorEntry> of() : entries) {
            Indicator indicator = new Indicator();
            indicator.planCode = plan.code;
            indicator.code = entry.code();
            indicator.position = indicators.size();
            indicator.nameZh = entry.nameZh();
            indicator.nameEn = entry.nameEn();
            indicator.industryCode = entry.industry();
            indicator.unitOfMeasure = entry.unitOfMeasure();
            indicator.unitOfMeasureEn = entry.unitOfMeasureEn();
            indicator.caliber = entry.caliber();
            indicator.description = entry.description();
            if (entry.sumOf() != null) {
                indicator.sumOf.addAll(entry.sumOf());
            }
            indicator.persist();
            indicators.add(indicator);
        }
        return indicators;
    }

    /**
     * Each target with its baseline revision and its event, a chunk at a time: the chunk is flushed and the
     * persistence context emptied, the units and indicators it refers to staying in memory (detached, their ids
     * and fields all the targets need).
     */
    private void createTargets(Plan plan, List<TargetEntry> entries, List<Unit> units, List<Indicator> indicators,
            String actor, Instant now) {
        Map<String, Indicator> byCode = new HashMap<>();
        indicators.forEach(i -> byCode.put(i.code, i));
        Map<String, Unit> unitsByCode = new HashMap<>();
        units.forEach(u -> unitsByCode.put(u.code, u));
        int written = 0;
        for (TargetEntry entry : entries == null ? List.<TargetEntry> of() : entries) {
            Target target = new Target();
            target.planCode = plan.code;
            target.unit = unitsByCode.computeIfAbsent(entry.unit(), code -> entityManager.getReference(Unit.class, code));
            target.indicator = byCode.get(entry.indicator());
            target.year = entry.year();
            target.kind = entry.kind();
            target.value = entry.value();
            target.maxValue = entry.maxValue();
            target.wording = entry.wording();
            target.source = entry.source();
            target.revision = 0;
            target.baselineKind = entry.kind();
            target.baselineValue = entry.value();
            target.baselineMaxValue = entry.maxValue();
            target.updatedAt = now;
            target.persist();
            TargetRevision.of(target, "baseline from the plan document", actor, now).persist();
            events.targetSet(target);
            if (++written % CHUNK == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
    }

    private static List<Task> createTasks(Plan plan, List<TaskEntry> entries) {
        List<Task> tasks = new ArrayList<>();
        for (TaskEntry entry : entries == null ? List.<TaskEntry> of() : entries) {
            Task task = new Task();
            task.planCode = plan.code;
            task.code = entry.code();
            task.position = tasks.size();
            task.parentCode = entry.parent();
            task.section = entry.section();
            task.title = entry.title();
            task.titleEn = entry.titleEn();
            task.description = entry.description();
            task.responsibleText = entry.responsibleText();
            task.deadline = entry.deadline();
            task.deadlineText = entry.deadlineText();
            task.note = entry.note();
            if (entry.lead() != null) {
                entry.lead().forEach(u -> task.responsibilities.add(Task.Responsibility.of(u, ResponsibilityRole.LEAD)));
            }
            if (entry.coResponsible() != null) {
                entry.coResponsible().forEach(u -> task.responsibilities.add(Task.Responsibility.of(u, ResponsibilityRole.CO)));
            }
            task.persist();
            tasks.add(task);
        }
        return tasks;
    }

    private static void recordImport(Plan plan, byte[] rawGzip, String mediaType, String checksum, String actor,
            Instant now) {
        PlanImportRecord record = new PlanImportRecord();
        record.mediaType = mediaType;
        record.planCode = plan.code;
        record.checksum = checksum;
        record.importedAt = now;
        record.importedBy = actor;
        record.documentGzip = rawGzip;
        record.persist();
    }

    private static Counts counts(Plan plan) {
        return new Counts(plan.unitCodes.size(), (int) Indicator.count("planCode", plan.code),
                (int) Target.count("planCode", plan.code), (int) Task.count("planCode", plan.code));
    }

    /** The document in one normal form, so that layout and whitespace do not change its checksum. */
    private void canonical(PlanDocument doc, java.io.OutputStream out) {
        try {
            mapper.writeValue(out, doc);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a parsed plan document serialises", e);
        }
    }
}
