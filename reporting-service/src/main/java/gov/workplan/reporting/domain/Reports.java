package gov.workplan.reporting.domain;

import java.math.BigDecimal;
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
import gov.workplan.reporting.events.ReportingEvents.ReportChanged;
import gov.workplan.reporting.events.ReportingPublisher;
import gov.workplan.reporting.events.ReportingTopic;
import gov.workplan.reporting.persistence.PlanCopy.PlanInfo;
import gov.workplan.reporting.persistence.PlanCopy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The reporting cycle (报送流程): draft → submitted → accepted, or returned with a reason and
 * resubmitted; an accepted report changes only by a correction with a reason. Every step adds a
 * {@link ReportVersion}; every step the office and assessment care about publishes its event in the
 * same transaction.
 */
@ApplicationScoped
public class Reports {

    @Inject
    PlanCopy plans;

    @Inject
    ReportingPublisher events;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "reporting.validation.jump-factor", defaultValue = "3")
    BigDecimal jumpFactor;

    /** Where a report's period and expected content come from. */
    public record Context(PlanInfo plan, Period period, ExpectedReport expected) {
    }

    public Context context(String planCode, String periodCode, String unit) {
        PlanInfo plan = plans.plan(planCode).orElseThrow(() -> ApiProblem.notFound("plan", "plan", planCode));
        Period period = Periods.find(periodCode, plan.spanFrom(), plan.spanTo(), plan.rule())
                .orElseThrow(() -> ApiProblem.notFound("period", "reporting period of " + plan.code(), periodCode));
        if (!plans.unitExists(unit)) {
            throw ApiProblem.notFound("unit", "unit", unit);
        }
        ExpectedReport expected = plans.expected(plan.code(), period.year(), unit).orElseThrow(() -> ApiProblem
                .invalid("unit", "unit '" + unit + "' has no target or task in plan " + plan.code() + ": it does not report"));
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
        Instant now = now();
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
    public Report edit(UUID id, ReportContent content, String actor) {
        Report report = locked(id);
        require(report, ReportAction.EDIT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        inContent(SubmissionRules.checkDraft(content, ctx.expected())).throwIfAny();
        Instant now = now();
        apply(report, ReportAction.EDIT, content, List.of(), now);
        version(report, ReportAction.EDIT, null, actor, now);
        return report;
    }

    /** A submit's answer: the report, and whether an earlier submit with the same key already made it. */
    public record Submission(Report report, boolean replayed) {
    }

    /**
     * Submits once per idempotency key: the report's row lock makes concurrent retries take turns,
     * and the later ones find the key recorded and change nothing.
     */
    @Transactional
    public Submission submit(UUID id, String idempotencyKey, String actor) {
        Report report = locked(id);
        if (idempotencyKey != null && !em.createNativeQuery(
                "select 1 from idempotency_record where report_id = ?1 and key = ?2")
                .setParameter(1, id).setParameter(2, idempotencyKey).getResultList().isEmpty()) {
            return new Submission(report, true);
        }
        submit(report, actor);
        if (idempotencyKey != null) {
            em.createNativeQuery("insert into idempotency_record (report_id, key, version, created_at) "
                    + "values (?1, ?2, ?3, ?4)").setParameter(1, id).setParameter(2, idempotencyKey)
                    .setParameter(3, report.version).setParameter(4, now()).executeUpdate();
        }
        return new Submission(report, false);
    }

    private void submit(Report report, String actor) {
        require(report, ReportAction.SUBMIT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        ReportContent content = content(report);
        Outcome outcome = SubmissionRules.checkSubmission(content, ctx.expected(), previousQuarter(report, ctx.period()),
                jumpFactor);
        inContent(outcome.errors()).throwIfAny();
        Instant now = now();
        if (report.firstSubmittedAt == null) {
            report.firstSubmittedAt = now;
            report.timeliness = ctx.period().timelinessOf(now);
            report.lateBySeconds = ctx.period().lateBy(now).toSeconds();
        }
        apply(report, ReportAction.SUBMIT, content, outcome.warnings(), now);
        ReportVersion v = version(report, ReportAction.SUBMIT, null, actor, now);
        v.timeliness = ctx.period().timelinessOf(now);
        v.lateBySeconds = ctx.period().lateBy(now).toSeconds();
        publish(ReportingTopic.REPORT_SUBMITTED, report, ctx, null, actor, now);
    }

    @Transactional
    public Report accept(UUID id, String actor) {
        Report report = locked(id);
        require(report, ReportAction.ACCEPT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Instant now = now();
        apply(report, ReportAction.ACCEPT, content(report), warnings(report), now);
        version(report, ReportAction.ACCEPT, null, actor, now);
        publish(ReportingTopic.REPORT_ACCEPTED, report, ctx, null, actor, now);
        return report;
    }

    @Transactional
    public Report returnForRevision(UUID id, String reason, String actor) {
        requireReason(reason);
        Report report = locked(id);
        require(report, ReportAction.RETURN);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Instant now = now();
        apply(report, ReportAction.RETURN, content(report), warnings(report), now);
        version(report, ReportAction.RETURN, reason.strip(), actor, now);
        publish(ReportingTopic.REPORT_RETURNED, report, ctx, reason.strip(), actor, now);
        return report;
    }

    @Transactional
    public Report correct(UUID id, ReportContent content, String reason, String actor) {
        Report report = locked(id);
        require(report, ReportAction.CORRECT);
        Context ctx = context(report.planCode, report.periodCode, report.unitCode);
        Outcome outcome = SubmissionRules.checkSubmission(content, ctx.expected(), previousQuarter(report, ctx.period()),
                jumpFactor);
        FieldErrors errors = inContent(outcome.errors());
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "is required: say why an accepted report is corrected");
        }
        errors.throwIfAny();
        Instant now = now();
        apply(report, ReportAction.CORRECT, content, outcome.warnings(), now);
        version(report, ReportAction.CORRECT, reason.strip(), actor, now);
        publish(ReportingTopic.REPORT_CORRECTED, report, ctx, reason.strip(), actor, now);
        return report;
    }

    /** A report from before the system, with the time it was originally submitted. */
    public record PastReport(String period, String unit, Instant submittedAt, ReportContent content) {
    }

    /**
     * Migrates past reports (历史报送数据): each is checked like a submission, all before any is written,
     * and stored as accepted and imported with its original submission time, so timeliness is judged as
     * it was. Returns the reports in the order given.
     */
    @Transactional
    public List<Report> importPast(String planCode, List<PastReport> past, String actor) {
        PlanInfo plan = plans.plan(planCode).orElseThrow(() -> ApiProblem.notFound("plan", "plan", planCode));
        FieldErrors errors = new FieldErrors();
        Instant now = now();
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
            ReportVersion v = version(report, ReportAction.IMPORT, "imported: originally submitted "
                    + report.firstSubmittedAt, actor, now);
            v.timeliness = report.timeliness;
            v.lateBySeconds = report.lateBySeconds;
            publish(ReportingTopic.REPORT_IMPORTED, report, ctx, null, actor, now);
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

    /** The rules name fields within the content; callers see them where they sent them. */
    private static FieldErrors inContent(FieldErrors errors) {
        FieldErrors named = new FieldErrors();
        errors.list().forEach(e -> named.add("content." + e.field(), e.message()));
        return named;
    }

    private static void require(Report report, ReportAction action) {
        if (!action.allowedFrom(report.status)) {
            throw ApiProblem.conflict("status", "a " + report.status + " report cannot be "
                    + action.name().toLowerCase() + "ed; allowed from " + action.from());
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "is required: tell the unit what to change");
        }
        if (reason.length() > 2000) {
            throw ApiProblem.invalid("reason", "must be at most 2000 characters");
        }
    }

    private void apply(Report report, ReportAction action, ReportContent content, List<Warning> warnings,
            Instant now) {
        report.status = action.next(report.status);
        report.version = report.version + (action == ReportAction.CREATE || action == ReportAction.IMPORT ? 0 : 1);
        report.content = write(new ReportContent(content.indicatorsOrEmpty(), content.tasksOrEmpty()));
        report.warnings = write(warnings);
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
                content(report), warnings(report), reason, actor, now, report.firstSubmittedAt,
                report.timeliness == null ? null : report.timeliness.name(), report.lateBySeconds,
                ctx.period().dueDate(), ctx.period().deadline(), report.imported));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report content is unreadable", e);
        }
    }
}
