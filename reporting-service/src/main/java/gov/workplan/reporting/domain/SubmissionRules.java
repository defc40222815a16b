package gov.workplan.reporting.domain;

import gov.workplan.contracts.ContractLimits;
import gov.workplan.contracts.events.ReportingEvents;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.workplan.common.problem.FieldErrors;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedIndicator;
import gov.workplan.reporting.domain.ExpectedReport.ExpectedTask;
import gov.workplan.reporting.domain.ReportContent.IndicatorValue;
import gov.workplan.reporting.domain.ReportContent.TaskProgress;

/**
 * The rules a report must meet (报送校验). Drafts are checked for shape only, so a unit can save
 * half-written work; a submission or correction must be complete. Every error is reported at once.
 * Pure: content, what is expected and the previous quarter's figures in; errors and warnings out.
 */
public final class SubmissionRules {

    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(ContractLimits.AMOUNT_INTEGER_DIGITS);

    /** A kept remark that does not block submission, e.g. an implausible jump. */
    public record Warning(String field, String message) {

        public ReportingEvents.Warning asEvent() {
            return new ReportingEvents.Warning(field, message);
        }
    }

    public record Outcome(FieldErrors errors, List<Warning> warnings) {
    }

    private SubmissionRules() {
    }

    /** Shape only: known codes, no duplicates, sane numbers and texts. */
    public static FieldErrors checkDraft(ReportContent content, ExpectedReport expected) {
        FieldErrors errors = new FieldErrors();
        shape(content, expected, errors);
        return errors;
    }

    /**
     * Everything: shape, completeness, and against {@code previousQuarter} (indicator → year-to-date
     * value reported for the previous quarter of the same year): a lower value needs an explanation,
     * a value above {@code jumpFactor} times the previous one is kept as a warning.
     */
    public static Outcome checkSubmission(ReportContent content, ExpectedReport expected,
            Map<String, BigDecimal> previousQuarter, BigDecimal jumpFactor) {
        FieldErrors errors = new FieldErrors();
        List<Warning> warnings = new ArrayList<>();
        shape(content, expected, errors);

        Set<String> given = new HashSet<>();
        List<IndicatorValue> values = content.indicatorsOrEmpty();
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue v = values.get(i);
            if (v == null || v.indicator() == null) {
                continue; // named by shape()
            }
            given.add(v.indicator());
            if (v.value() == null) {
                continue; // named by shape()
            }
            BigDecimal previous = previousQuarter.get(v.indicator());
            if (previous == null) {
                continue;
            }
            if (v.value().compareTo(previous) < 0 && blank(v.explanation())) {
                errors.add("indicators[" + i + "].explanation", "is required: the year-to-date value "
                        + v.value().toPlainString() + " is below the previous quarter's " + previous.toPlainString());
            }
            if (previous.signum() > 0 && v.value().compareTo(previous.multiply(jumpFactor)) > 0) {
                warnings.add(new Warning("indicators[" + i + "].value", "more than " + jumpFactor.toPlainString()
                        + " times the previous quarter's year-to-date " + previous.toPlainString() + "; please check"));
            }
        }
        for (ExpectedIndicator e : expected.indicators()) {
            if (!given.contains(e.indicator())) {
                errors.add("indicators", "a year-to-date value for '" + e.indicator() + "' is required");
            }
        }
        Set<String> reported = new HashSet<>();
        content.tasksOrEmpty().forEach(t -> {
            if (t != null && t.task() != null) {
                reported.add(t.task());
            }
        });
        for (ExpectedTask e : expected.tasks()) {
            if (!reported.contains(e.task())) {
                errors.add("tasks", "the progress of task '" + e.task() + "' is required");
            }
        }
        return new Outcome(errors, warnings);
    }

    private static void shape(ReportContent content, ExpectedReport expected, FieldErrors errors) {
        if (content == null) {
            errors.add("content", "is required");
            return;
        }
        Map<String, ExpectedIndicator> indicators = new HashMap<>();
        expected.indicators().forEach(e -> indicators.put(e.indicator(), e));
        Set<String> seen = new HashSet<>();
        List<IndicatorValue> values = content.indicatorsOrEmpty();
        for (int i = 0; i < values.size(); i++) {
            String at = "indicators[" + i + "]";
            IndicatorValue v = values.get(i);
            if (v == null) {
                errors.add(at, "must not be null");
                continue;
            }
            if (v.indicator() == null) {
                errors.add(at + ".indicator", "is required");
            } else if (!indicators.containsKey(v.indicator())) {
                errors.add(at + ".indicator", "'" + v.indicator() + "' is not an indicator this unit reports in this period");
            } else if (!seen.add(v.indicator())) {
                errors.add(at + ".indicator", "'" + v.indicator() + "' is reported twice");
            }
            if (v.value() == null) {
                errors.add(at + ".value", "is required: a finite non-negative number");
            } else if (v.value().signum() < 0 || v.value().compareTo(LIMIT) >= 0) {
                errors.add(at + ".value", "must be a finite non-negative number below " + LIMIT.toPlainString());
            } else if (v.value().stripTrailingZeros().scale() > ContractLimits.AMOUNT_FRACTION_DIGITS) {
                errors.add(at + ".value", "must have at most 4 decimal places");
            }
            text(v.explanation(), ReportContent.MAX_EXPLANATION, at + ".explanation", errors);
        }
        Set<String> tasks = new HashSet<>();
        expected.tasks().forEach(t -> tasks.add(t.task()));
        Set<String> seenTasks = new HashSet<>();
        List<TaskProgress> progress = content.tasksOrEmpty();
        for (int i = 0; i < progress.size(); i++) {
            String at = "tasks[" + i + "]";
            TaskProgress t = progress.get(i);
            if (t == null) {
                errors.add(at, "must not be null");
                continue;
            }
            if (t.task() == null) {
                errors.add(at + ".task", "is required");
            } else if (!tasks.contains(t.task())) {
                errors.add(at + ".task", "'" + t.task() + "' is not a task of this unit");
            } else if (!seenTasks.add(t.task())) {
                errors.add(at + ".task", "'" + t.task() + "' is reported twice");
            }
            if (t.progress() == null) {
                errors.add(at + ".progress", "is required: one of NOT_STARTED, IN_PROGRESS, DONE, BLOCKED");
            }
            text(t.note(), ReportContent.MAX_NOTE, at + ".note", errors);
            if (t.evidenceUrl() != null && !httpUrl(t.evidenceUrl())) {
                errors.add(at + ".evidenceUrl", "must be an http or https URL");
            }
        }
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && text.length() <= ReportContent.MAX_URL;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void text(String text, int max, String at, FieldErrors errors) {
        if (text != null && text.length() > max) {
            errors.add(at, "must be at most " + max + " characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
