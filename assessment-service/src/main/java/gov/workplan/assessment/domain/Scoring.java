package gov.workplan.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Scores one unit for one period (考核评分). Pure: what the unit was asked (targets, tasks), what it
 * reported, and how timely it was, in; a breakdown that explains every point, out.
 *
 * <ul>
 * <li>Indicator completion = year-to-date actual ÷ annual target; progress = completion ÷ time
 * progress (Q1 25% … Q4 100%). An ABOUT target within the tolerance below counts as on track; a
 * RANGE target is complete at its lower bound. Progress counts up to the scheme's cap. Indicator
 * points = 100 × the average counted progress.</li>
 * <li>Task points = 100 × done ÷ due, over tasks due by the end of the period, a lead task weighing
 * 1 and a co-responsible one the scheme's weight.</li>
 * <li>Timeliness points = 100 − the penalties for late and missing reports of the year so far.</li>
 * <li>Score = the weighted average of the components that apply to the unit (a department without
 * targets is scored on tasks and timeliness).</li>
 * </ul>
 */
public final class Scoring {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public enum Status {
        AHEAD, ON_TRACK, BEHIND, AT_RISK
    }

    public enum Timeliness {
        ON_TIME, LATE, MISSING
    }

    public record TargetIn(String indicator, String kind, BigDecimal value, BigDecimal maxValue) {
    }

    public record TaskIn(String task, String role, LocalDate deadline) {
    }

    public record Inputs(PeriodCode period, List<TargetIn> targets, Map<String, BigDecimal> actuals,
            List<TaskIn> tasks, Map<String, String> taskProgress, Map<String, Timeliness> timelinessOfYear) {
    }

    @Schema(name = "IndicatorCompletion")
    public record IndicatorLine(String indicator, String kind, BigDecimal target, BigDecimal actual,
            @Schema(description = "Actual ÷ target.") BigDecimal completion,
            @Schema(description = "Completion ÷ time progress, as counted (capped).") BigDecimal progress, Status status) {
    }

    @Schema(name = "TaskCompletion")
    public record TaskLine(String task, String role, LocalDate deadline, BigDecimal weight, boolean done) {
    }

    @Schema(name = "TimelinessLine")
    public record TimelinessLine(String period, Timeliness timeliness, BigDecimal penalty) {
    }

    @Schema(name = "ScoreComponent")
    public record Component(String name, BigDecimal points, BigDecimal weight, BigDecimal contribution) {
    }

    @Schema(name = "ScoreBreakdown", description = "Every point of a unit's score, explained.")
    public record Breakdown(BigDecimal score, BigDecimal timeProgress, List<Component> components,
            List<IndicatorLine> indicators, List<TaskLine> tasksDue, List<String> overdueTasks,
            List<TimelinessLine> timeliness) {
    }

    private Scoring() {
    }

    public static Breakdown score(Inputs in, SchemeRules rules) {
        BigDecimal timeProgress = in.period().timeProgress();

        List<IndicatorLine> indicators = new ArrayList<>();
        BigDecimal progressSum = BigDecimal.ZERO;
        for (TargetIn t : in.targets()) {
            BigDecimal actual = in.actuals().get(t.indicator());
            BigDecimal completion = actual == null ? BigDecimal.ZERO
                    : t.value().signum() == 0 ? BigDecimal.ONE : actual.divide(t.value(), 4, RoundingMode.HALF_UP);
            BigDecimal progress = completion.divide(timeProgress, 4, RoundingMode.HALF_UP);
            if ("ABOUT".equals(t.kind()) && progress.compareTo(BigDecimal.ONE.subtract(rules.aboutTolerance())) >= 0
                    && progress.compareTo(BigDecimal.ONE) < 0) {
                progress = BigDecimal.ONE.setScale(4);
            }
            BigDecimal counted = progress.min(rules.progressCap());
            progressSum = progressSum.add(counted);
            indicators.add(new IndicatorLine(t.indicator(), t.kind(), t.value(), actual, completion, counted,
                    status(progress, rules)));
        }

        List<TaskLine> due = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        BigDecimal dueWeight = BigDecimal.ZERO;
        BigDecimal doneWeight = BigDecimal.ZERO;
        for (TaskIn t : in.tasks()) {
            if (t.deadline() == null || t.deadline().isAfter(in.period().end())) {
                continue;
            }
            BigDecimal weight = "LEAD".equals(t.role()) ? BigDecimal.ONE : rules.coResponsibleWeight();
            boolean done = "DONE".equals(in.taskProgress().get(t.task()));
            due.add(new TaskLine(t.task(), t.role(), t.deadline(), weight, done));
            if (weight.signum() == 0) {
                continue;
            }
            dueWeight = dueWeight.add(weight);
            if (done) {
                doneWeight = doneWeight.add(weight);
            } else {
                overdue.add(t.task());
            }
        }

        List<TimelinessLine> timeliness = new ArrayList<>();
        BigDecimal penalties = BigDecimal.ZERO;
        for (Map.Entry<String, Timeliness> e : in.timelinessOfYear().entrySet()) {
            BigDecimal penalty = switch (e.getValue()) {
                case ON_TIME -> BigDecimal.ZERO;
                case LATE -> rules.latePenalty();
                case MISSING -> rules.missingPenalty();
            };
            penalties = penalties.add(penalty);
            timeliness.add(new TimelinessLine(e.getKey(), e.getValue(), penalty));
        }

        List<Component> parts = new ArrayList<>();
        if (!indicators.isEmpty()) {
            parts.add(new Component("indicators", HUNDRED.multiply(progressSum)
                    .divide(BigDecimal.valueOf(indicators.size()), 4, RoundingMode.HALF_UP), rules.weights().indicators(), null));
        }
        if (dueWeight.signum() > 0) {
            parts.add(new Component("tasks", HUNDRED.multiply(doneWeight).divide(dueWeight, 4, RoundingMode.HALF_UP),
                    rules.weights().tasks(), null));
        }
        parts.add(new Component("timeliness", HUNDRED.subtract(penalties).max(BigDecimal.ZERO).setScale(4),
                rules.weights().timeliness(), null));

        BigDecimal totalWeight = parts.stream().map(Component::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Component> components = new ArrayList<>();
        BigDecimal score = BigDecimal.ZERO;
        for (Component c : parts) {
            BigDecimal contribution = totalWeight.signum() == 0 ? BigDecimal.ZERO
                    : c.points().multiply(c.weight()).divide(totalWeight, 4, RoundingMode.HALF_UP);
            components.add(new Component(c.name(), c.points(), c.weight(), contribution));
            score = score.add(contribution);
        }
        return new Breakdown(score.setScale(4, RoundingMode.HALF_UP), timeProgress, components, indicators, due, overdue,
                timeliness);
    }

    static Status status(BigDecimal progress, SchemeRules rules) {
        if (progress.compareTo(rules.thresholds().ahead()) >= 0) {
            return Status.AHEAD;
        }
        if (progress.compareTo(rules.thresholds().onTrack()) >= 0) {
            return Status.ON_TRACK;
        }
        return progress.compareTo(rules.thresholds().behind()) >= 0 ? Status.BEHIND : Status.AT_RISK;
    }
}
