package gov.workplan.reporting.domain;

import java.math.BigDecimal;
import gov.workplan.common.json.JsonText;
import gov.workplan.common.time.StoredTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;
import gov.workplan.reporting.domain.SubmissionRules.Outcome;
import gov.workplan.reporting.domain.SubmissionRules.Warning;
import gov.workplan.contracts.events.ReportingEvents.ReportChanged;
import gov.workplan.contracts.events.ReportingEvents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The reporting cycle (报送流程): draft → submitted → accepted, or returned with a reason and
 * resubmitted; an accepted report changes only by a correction with a reason. Every step adds a
 * {@link ReportVersion}; every step the office and assessment care about publishes its event in the
 * same transaction.
 */
@ApplicationScoped
public class Reports {

    @Inject
    PlanDirectory plans;

    @Inject
    ReportEvents events;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "reporting.validation.jump-factor", defaultValue = "3")
    BigDecimal jumpFactor;

    /**
     * When this system took over reporting from the paper or OA process, if not when each plan was loaded:
     * reports of periods whose deadline passed before it may be imported, later ones are made here.
     */
    @ConfigProperty(name = "reporting.import.cut-over")
    java.util.Optional<Instant> importCutOver;

    /** Where a report's period and expected content come from. */
    public record Context(PlanInfo plan, Period period, ExpectedReport expected) {
    }

    public Context context(String planCode, String periodCode, String unit) {
        PlanInfo plan = plans.plan(planCode).orElseThrow(() -> ApiProblem.notFound("plan", "plan", planCode));
        Period period = Periods.find(periodCode, plan.spanFrom(), plan.spanTo(), plan.rule())
                .orElseThrow(() -> ApiProblem.notFound("period", "reporting period of " + plan.code(), periodCode));
        ExpectedReport expected = plans.expected(plan.code(), period.year(), unit).orElseThrow(() -> plans.unitExists(unit)
                ? ApiProblem.invalid("unit", "unit '" + unit + "' has no target or task in plan " + plan.code()
                        + ": it does not report")
                : ApiProblem.notFound("unit", "unit", unit));
        return new Context(plan, period, expected);
    }

    @Transactional
    public Report create(String planCode, String periodCode, String unit, ReportContent content, String actor) {
        Context ctx = context(planCode, periodCode, unit);
        ReportContent body = content == null ? ReportContent.EMPTY : content;
        inContent(SubmissionRules.checkDraft(body, ctx.expected())).throwIfAny();
        if (Report.count("planCode = ?1 and periodCode = ?2 and unitCode = ?3", planCode, periodCode, unit) > 0) {
            throw ApiProblem.conflict("unit", "unit " + unit + " already has a report for " + periodCode
                    + "; edit or correct that one");
        }
        Instant now = StoredTime.now(clock);
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.planCode = planCode;
        report.periodCode = periodCode;
        report.unitCode = unit;
        report.status = ReportStatus.DRAFT;
        report.version = 0;
        report.imported = false;
        report.createdAt = now;
        report.createdBy = actor;
        report.warnings = "[]";
        apply(report, ReportAction.CREATE, body, List.of(), now);
        report.persist();
        version(report, ReportAction.CREATE, null, actor, now);
        return report;
    }

    @Transactional
    public Report edit(UUID id, ReportContent content, Integer expectedVersion, String actor) {
        Report report = locked(id, expectedVersion);
        require(report, ReportAction.EDIT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        inContent(SubmissionRules.checkDraft(content, ctx.expected())).throwIfAny();
        Instant now = StoredTime.now(clock);
        apply(report, ReportAction.EDIT, content, List.of(), now);
        version(report, ReportAction.EDIT, null, actor, now);
        return report;
    }

    /**
     * A submit's answer: the report, and — when an earlier submit with the same key made it — the version
     * that submit produced, so the replay answers what the original answered.
     */
    public record Submission(Report report, boolean replayed, int version, String unitCategory) {
    }

    private static final String SUBMIT = "submit";

    /**
     * Submits once per idempotency key, the key scoped to the caller and the action: the report's row lock
     * makes concurrent retries take turns, and the later ones find the key recorded and change nothing. The
     * same caller's key sent with another report is a 422; a stale If-Match is a 412, except on a replay.
     */
    @Transactional
    public Submission submit(UUID id, String idempotencyKey, Integer expectedVersion, String actor,
            java.util.function.Consumer<Report> mayWrite) {
        Report report = locked(id);
        mayWrite.accept(report);
        if (idempotencyKey != null) {
            List<?> earlier = em.createNativeQuery("select report_id, version from idempotency_record "
                    + "where (actor = ?1 and action = ?2 and key = ?3) or (actor = '' and report_id = ?4 and key = ?3)")
                    .setParameter(1, actor).setParameter(2, SUBMIT).setParameter(3, idempotencyKey).setParameter(4, id)
                    .getResultList();
            for (Object row : earlier) {
                Object[] r = (Object[]) row;
                if (!id.equals(r[0])) {
                    throw keyReused(idempotencyKey, (UUID) r[0]);
                }
                return new Submission(report, true, ((Number) r[1]).intValue(), null);
            }
        }
        requireVersion(report, expectedVersion);
        String category = submit(report, actor);
        if (idempotencyKey != null) {
            int recorded = em.createNativeQuery("insert into idempotency_record (report_id, key, version, created_at, "
                    + "actor, action) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing").setParameter(1, id)
                    .setParameter(2, idempotencyKey).setParameter(3, report.version).setParameter(4, StoredTime.now(clock))
                    .setParameter(5, actor).setParameter(6, SUBMIT).executeUpdate();
            if (recorded == 0) {
                // the same caller used the key for another report at this very moment: this submit rolls back
                throw keyReused(idempotencyKey, null);
            }
        }
        return new Submission(report, false, report.version, category);
    }

    private static ApiProblem keyReused(String key, UUID other) {
        String detail = "this Idempotency-Key was already used by this caller for a different request"
                + (other == null ? "" : " (submitting report " + other + ")") + "; use a new key for each intended submission";
        return new ApiProblem(422, "idempotency-key-reused", "Idempotency-Key reused", detail,
                List.of(new gov.workplan.common.problem.FieldError("Idempotency-Key", detail)));
    }

    /** The report's version row, for answering a replayed request as it was first answered. */
    public ReportVersion versionOf(Report report, int version) {
        return ReportVersion.<ReportVersion> find("reportId = ?1 and version = ?2", report.id, version).firstResult();
    }

    /** Submits; answers the unit's category (for the metrics), known from the context the rules read. */
    private String submit(Report report, String actor) {
        require(report, ReportAction.SUBMIT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        ReportContent content = content(report);
        Outcome outcome = SubmissionRules.checkSubmission(content, ctx.expected(), previousQuarter(report, ctx.period()),
                jumpFactor);
        inContent(outcome.errors()).throwIfAny();
        Instant now = StoredTime.now(clock);
        if (report.firstSubmittedAt == null) {
            report.firstSubmittedAt = now;
            report.timeliness = ctx.period().timelinessOf(now);
            report.lateBySeconds = ctx.period().lateBy(now).toSeconds();
        }
        apply(report, ReportAction.SUBMIT, content, outcome.warnings(), now);
        ReportVersion v = version(report, ReportAction.SUBMIT, null, actor, now);
        v.timeliness = ctx.period().timelinessOf(now);
        v.lateBySeconds = ctx.period().lateBy(now).toSeconds();
        publish(ReportingEvents.REPORT_SUBMITTED, report, ctx, null, actor, now);
        return ctx.expected().category();
    }

    @Transactional
    public Report accept(UUID id, Integer expectedVersion, String actor) {
        Report report = locked(id, expectedVersion);
        require(report, ReportAction.ACCEPT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Instant now = StoredTime.now(clock);
        apply(report, ReportAction.ACCEPT, content(report), warnings(report), now);
        version(report, ReportAction.ACCEPT, null, actor, now);
        publish(ReportingEvents.REPORT_ACCEPTED, report, ctx, null, actor, now);
        return report;
    }

    @Transactional
    public Report returnForRevision(UUID id, String reason, Integer expectedVersion, String actor) {
        requireReason(reason);
        Report report = locked(id, expectedVersion);
        require(report, ReportAction.RETURN);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Instant now = StoredTime.now(clock);
        apply(report, ReportAction.RETURN, content(report), warnings(report), now);
        version(report, ReportAction.RETURN, reason.strip(), actor, now);
        publish(ReportingEvents.REPORT_RETURNED, report, ctx, reason.strip(), actor, now);
        return report;
    }

    /**
     * The office corrects an accepted report itself: checked like a submission, with a reason, published at
     * once. Its own eyes are the office's; the audit trail and the version keep who, when and why.
     */
    @Transactional
    public Report correct(UUID id, ReportContent content, String reason, Integer expectedVersion, String actor) {
        Report report = locked(id, expectedVersion);
        require(report, ReportAction.CORRECT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Outcome outcome = checkCorrection(report, ctx, content, reason);
        Instant now = StoredTime.now(clock);
        apply(report, ReportAction.CORRECT, content, outcome.warnings(), now);
        version(report, ReportAction.CORRECT, reason.strip(), actor, now);
        publish(ReportingEvents.REPORT_CORRECTED, report, ctx, reason.strip(), actor, now);
        return report;
    }

    /**
     * A unit asks to correct its accepted report (four eyes): checked like a submission and kept as a
     * proposal in its own version; the accepted content keeps counting, nothing is published.
     */
    @Transactional
    public Report requestCorrection(UUID id, ReportContent content, String reason, Integer expectedVersion,
            String actor) {
        Report report = locked(id, expectedVersion);
        require(report, ReportAction.REQUEST_CORRECTION);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Outcome outcome = checkCorrection(report, ctx, content, reason);
        Instant now = StoredTime.now(clock);
        report.status = ReportAction.REQUEST_CORRECTION.next(report.status);
        report.version++;
        report.proposedContent = JsonText.write(mapper, new ReportContent(content.indicatorsOrEmpty(), content.tasksOrEmpty()));
        report.proposedWarnings = JsonText.write(mapper, outcome.warnings());
        report.proposedReason = reason.strip();
        report.proposedBy = actor;
        report.proposedAt = now;
        report.updatedAt = now;
        ReportVersion v = version(report, ReportAction.REQUEST_CORRECTION, reason.strip(), actor, now);
        v.content = report.proposedContent;
        v.warnings = report.proposedWarnings;
        return report;
    }

    /** The office accepts a unit's requested correction: it becomes the report's content and is published. */
    @Transactional
    public Report acceptCorrection(UUID id, Integer expectedVersion, String actor) {
        Report report = locked(id, expectedVersion);
        require(report, ReportAction.ACCEPT_CORRECTION);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Instant now = StoredTime.now(clock);
        ReportContent proposed = read(report.proposedContent, new TypeReference<ReportContent>() {
        });
        List<Warning> warnings = read(report.proposedWarnings, new TypeReference<List<Warning>>() {
        });
        String reason = report.proposedReason;
        apply(report, ReportAction.ACCEPT_CORRECTION, proposed, warnings, now);
        clearProposal(report);
        version(report, ReportAction.ACCEPT_CORRECTION, reason, actor, now);
        // The event says why the figures changed (the unit's reason) and who let them change (the office);
        // who asked is in the versions.
        publish(ReportingEvents.REPORT_CORRECTED, report, ctx, reason, actor, now);
        return report;
    }

    /** The office returns a unit's requested correction with a reason; the accepted content stays as it was. */
    @Transactional
    public Report returnCorrection(UUID id, String reason, Integer expectedVersion, String actor) {
        requireReason(reason);
        Report report = locked(id, expectedVersion);
        require(report, ReportAction.RETURN_CORRECTION);
        Instant now = StoredTime.now(clock);
        report.status = ReportAction.RETURN_CORRECTION.next(report.status);
        report.version++;
        report.updatedAt = now;
        clearProposal(report);
        version(report, ReportAction.RETURN_CORRECTION, reason.strip(), actor, now);
        return report;
    }

    private Outcome checkCorrection(Report report, Context ctx, ReportContent content, String reason) {
        FieldErrors errors = new FieldErrors();
        Outcome outcome = null;
        if (content == null) {
            errors.add("content", "is required");
        } else {
            outcome = SubmissionRules.checkSubmission(content, ctx.expected(), previousQuarter(report, ctx.period()),
                    jumpFactor);
            inContent(outcome.errors()).list().forEach(e -> errors.add(e.field(), e.message()));
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "is required: say why an accepted report is corrected");
        } else if (reason.length() > Limits.REASON) {
            errors.add("reason", "must be at most " + Limits.REASON + " characters");
        }
        errors.throwIfAny();
        return outcome;
    }

    private static void clearProposal(Report report) {
        report.proposedContent = null;
        report.proposedWarnings = null;
        report.proposedReason = null;
        report.proposedBy = null;
        report.proposedAt = null;
    }

    /** The proposal a unit's correction request holds, or null. */
    public ReportContent proposedContent(Report report) {
        return report.proposedContent == null ? null : read(report.proposedContent, new TypeReference<ReportContent>() {
        });
    }

    /** A report from before the system, with the time it was originally submitted. */
    public record PastReport(@Size(max = Limits.PERIOD) String period, @Size(max = Limits.CODE) String unit,
            Instant submittedAt, @Valid ReportContent content) {
    }

    /**
     * Migrates past reports (历史报送数据): each is checked like a submission, all before any is written,
     * and stored as accepted and imported with its original submission time, so timeliness is judged as
     * it was. Only periods whose deadline passed before the plan was loaded here (or before the configured
     * cut-over) may be imported: a period this system watched — its reminders, overdue notices, compliance —
     * cannot have its record rewritten by an import (409). Returns the reports in the order given.
     */
    @Transactional
    public List<Report> importPast(String planCode, List<PastReport> past, String reason, String source, String actor) {
        PlanInfo plan = plans.plan(planCode).orElseThrow(() -> ApiProblem.notFound("plan", "plan", planCode));
        FieldErrors errors = new FieldErrors();
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "is required: why these reports are imported rather than made here");
        }
        if (source == null || source.isBlank()) {
            errors.add("source", "is required: where they come from (an archive file, a document number)");
        }
        Instant watchedFrom = importCutOver.orElse(plan.loadedAt());
        FieldErrors watched = new FieldErrors();
        Instant now = StoredTime.now(clock);
        Set<String> seen = new HashSet<>();
        List<Context> contexts = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            String at = "reports[" + i + "]";
            PastReport r = past.get(i);
            contexts.add(null);
            if (r == null) {
                errors.add(at, "must not be null");
                continue;
            }
            Period period = r.period() == null ? null
                    : Periods.find(r.period(), plan.spanFrom(), plan.spanTo(), plan.rule()).orElse(null);
            if (period == null) {
                errors.add(at + ".period", "must be a reporting period of " + plan.code() + ", like 2011-Q1");
            }
            ExpectedReport expected = r.unit() == null ? null : plans.expected(plan.code(),
                    period == null ? plan.spanFrom() : period.year(), r.unit()).orElse(null);
            if (expected == null) {
                errors.add(at + ".unit", "must be a unit that reports in " + plan.code());
            }
            if (r.submittedAt() == null) {
                errors.add(at + ".submittedAt", "is required: when the report was originally submitted");
            } else if (r.submittedAt().isAfter(now)) {
                errors.add(at + ".submittedAt", "must not be in the future");
            } else if (period != null && r.submittedAt().isBefore(period.start().atStartOfDay(plan.rule().zone()).toInstant())) {
                errors.add(at + ".submittedAt", "must not be before the period starts");
            }
            if (period == null || expected == null) {
                continue;
            }
            if (!period.deadline().isBefore(watchedFrom)) {
                watched.add(at + ".period", period.code() + " closed at " + period.deadline() + ", after this system "
                        + "began watching " + plan.code() + " (" + watchedFrom + "): its reports are made here, not imported");
            }
            if (!seen.add(r.period() + "|" + r.unit())) {
                errors.add(at + ".unit", "a second report of " + r.unit() + " for " + r.period());
            } else if (Report.count("planCode = ?1 and periodCode = ?2 and unitCode = ?3", plan.code(), r.period(),
                    r.unit()) > 0) {
                errors.add(at + ".unit", r.unit() + " already has a report for " + r.period());
            }
            SubmissionRules.Outcome outcome = SubmissionRules.checkSubmission(r.content(), expected, Map.of(), jumpFactor);
            outcome.errors().list().forEach(e -> errors.add(at + ".content." + e.field(), e.message()));
            contexts.set(i, new Context(plan, period, expected));
        }
        if (!watched.isEmpty()) {
            throw new ApiProblem(409, "conflict", "Conflict with the current state", watched.list().size()
                    + " report(s) are for periods this system watched", watched.list());
        }
        errors.throwIfAny();
        List<Report> imported = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            PastReport r = past.get(i);
            Context ctx = contexts.get(i);
            Report report = new Report();
            report.id = UUID.randomUUID();
            report.planCode = plan.code();
            report.periodCode = r.period();
            report.unitCode = r.unit();
            report.imported = true;
            report.createdAt = now;
            report.createdBy = actor;
            report.firstSubmittedAt = r.submittedAt().truncatedTo(ChronoUnit.MICROS);
            report.timeliness = ctx.period().timelinessOf(report.firstSubmittedAt);
            report.lateBySeconds = ctx.period().lateBy(report.firstSubmittedAt).toSeconds();
            report.status = ReportStatus.ACCEPTED;
            apply(report, ReportAction.IMPORT, r.content(), List.of(), now);
            report.persist();
            ReportVersion v = version(report, ReportAction.IMPORT, "imported (originally submitted "
                    + report.firstSubmittedAt + "): " + reason.strip(), actor, now);
            v.sourceReference = source.strip();
            v.timeliness = report.timeliness;
            v.lateBySeconds = report.lateBySeconds;
            publish(ReportingEvents.REPORT_IMPORTED, report, ctx, null, actor, now);
            imported.add(report);
        }
        return imported;
    }

    public ReportContent content(Report report) {
        return read(report.content, new TypeReference<ReportContent>() {
        });
    }

    public List<Warning> warnings(Report report) {
        return read(report.warnings, new TypeReference<List<Warning>>() {
        });
    }

    public List<Warning> warnings(ReportVersion version) {
        return read(version.warnings, new TypeReference<List<Warning>>() {
        });
    }

    public ReportContent content(ReportVersion version) {
        return read(version.content, new TypeReference<ReportContent>() {
        });
    }

    /** The same unit's latest submitted or accepted year-to-date values for the previous quarter of the year. */
    private Map<String, BigDecimal> previousQuarter(Report report, Period period) {
        Map<String, BigDecimal> values = new HashMap<>();
        String previous = period.previousInYear();
        if (previous == null) {
            return values;
        }
        Report earlier = Report.<Report> find("planCode = ?1 and periodCode = ?2 and unitCode = ?3", report.planCode,
                previous, report.unitCode).firstResult();
        if (earlier == null || earlier.status == ReportStatus.DRAFT || earlier.status == ReportStatus.RETURNED) {
            // (a pending correction request's proposal is not in content: the accepted figures are)
            return values;
        }
        content(earlier).indicatorsOrEmpty().forEach(v -> values.put(v.indicator(), v.value()));
        return values;
    }

    Report locked(UUID id) {
        Report report = Report.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            throw ApiProblem.notFound("id", "report", String.valueOf(id));
        }
        return report;
    }

    /**
     * The report, locked, if it is still at the version the caller read (its ETag, sent back as If-Match):
     * an office clerk cannot accept a resubmission they never saw. Checked under the row lock, so two clerks
     * acting on the same version cannot both succeed. Null means the caller asked for no check.
     */
    Report locked(UUID id, Integer expectedVersion) {
        return requireVersion(locked(id), expectedVersion);
    }

    private static Report requireVersion(Report report, Integer expectedVersion) {
        if (expectedVersion != null && report.version != expectedVersion) {
            throw new ApiProblem(412, "precondition-failed", "Precondition failed", "the report is at version "
                    + report.version + ", not " + expectedVersion + ": read it again before acting on it",
                    List.of(new gov.workplan.common.problem.FieldError("If-Match", "is version " + expectedVersion
                            + "; the report is now at version " + report.version)));
        }
        return report;
    }

    /** The rules name fields within the content; callers see them where they sent them. */
    private static FieldErrors inContent(FieldErrors errors) {
        FieldErrors named = new FieldErrors();
        errors.list().forEach(e -> named.add("content." + e.field(), e.message()));
        return named;
    }

    private static void require(Report report, ReportAction action) {
        if (!action.allowedFrom(report.status)) {
            throw ApiProblem.conflict("status", action + " is not allowed on a " + report.status
                    + " report; allowed from " + action.from());
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "is required: tell the unit what to change");
        }
        if (reason.length() > Limits.REASON) {
            throw ApiProblem.invalid("reason", "must be at most " + Limits.REASON + " characters");
        }
    }

    private void apply(Report report, ReportAction action, ReportContent content, List<Warning> warnings,
            Instant now) {
        report.status = action.next(report.status);
        report.version = report.version + (action == ReportAction.CREATE || action == ReportAction.IMPORT ? 0 : 1);
        report.content = JsonText.write(mapper, new ReportContent(content.indicatorsOrEmpty(), content.tasksOrEmpty()));
        report.warnings = JsonText.write(mapper, warnings);
        report.updatedAt = now;
    }

    private ReportVersion version(Report report, ReportAction action, String reason, String actor, Instant now) {
        ReportVersion v = new ReportVersion();
        v.reportId = report.id;
        v.version = report.version;
        v.action = action;
        v.status = report.status;
        v.content = report.content;
        v.warnings = report.warnings;
        v.reason = reason;
        v.actor = actor;
        v.at = now;
        v.persist();
        return v;
    }

    private void publish(String type, Report report, Context ctx, String reason, String actor, Instant now) {
        events.reportChanged(type, new ReportChanged(report.id, report.planCode, report.periodCode, ctx.period().year(),
                ctx.period().quarter(), report.unitCode, ctx.expected().category(), report.status.name(), report.version,
                content(report).asEvent(), warnings(report).stream().map(Warning::asEvent).toList(), reason, actor, now,
                report.firstSubmittedAt,
                report.timeliness == null ? null : report.timeliness.name(), report.lateBySeconds,
                ctx.period().dueDate(), ctx.period().deadline(), report.imported));
    }



    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report content is unreadable", e);
        }
    }
}
