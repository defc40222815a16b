package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.assessment.domain.Scoring;
import gov.workplan.assessment.domain.Scoring.Component;
import gov.workplan.assessment.domain.Scoring.Status;
import gov.workplan.assessment.domain.Scoring.TargetIn;
import gov.workplan.assessment.domain.Scoring.TaskIn;
import gov.workplan.assessment.domain.Scoring.Timeliness;

/**
 * Scores one unit for one year (年度考核评分). Pure: the year's targets, the year-end values (the official
 * statistics where the bureau has recorded one, else the unit's own Q4 year-to-date figure), the tasks due by
 * year end and the Q4 report's progress, the year's reporting timeliness, and the office's entries for the
 * scheme's judged, bonus, penalty and veto items, in; a breakdown whose every line has an id an objection can
 * name, out.
 *
 * <ul>
 * <li>Indicators: completion = year-end value ÷ annual target (an ABOUT target within the tolerance below counts
 * as met, a RANGE target is met at its lower bound), counted up to the cap; points = 100 × the average.</li>
 * <li>Tasks: 100 × done ÷ due, over tasks due by 31 December, a lead task weighing 1 and a co-responsible one
 * the scheme's weight. Timeliness: 100 − the penalties of the year's late and missing reports.</li>
 * <li>Judged: 100 × the points awarded ÷ the items' maximum (an item not judged yet counts its minimum).</li>
 * <li>Base score = the weighted average of the components that apply; score = base + bonus − penalty, each
 * item counted up to its cap and all together up to the scheme's, never below 0. A veto entry makes the unit
 * {@link Grade#FAIL} whatever its score ({@link Grading}).</li>
 * </ul>
 */
public final class AnnualScoring {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Where an indicator's year-end value came from. */
    public enum Source {
        OFFICIAL, SELF_REPORTED, NONE
    }

    /** An official year-end value (统计局核定数) and where it was published. */
    public record Official(BigDecimal value, String source, LocalDate sourceDate, int version) {
    }

    /** What the office entered for an item of the scheme: points (none for a veto), why, and the evidence. */
    public record Entry(BigDecimal points, String reason, String evidence) {
    }

    public record Inputs(int year, List<TargetIn> targets, Map<String, BigDecimal> selfReported,
            Map<String, Official> official, List<TaskIn> tasks, Map<String, String> taskProgress,
            Map<String, Timeliness> timelinessOfYear, Map<String, Entry> entries) {
    }

    @Schema(name = "AnnualIndicatorLine")
    public record IndicatorLine(@Schema(description = "The line's id, for an objection: indicator:<code>.") String line,
            String indicator, String kind, BigDecimal target,
            @Schema(description = "The value scored: the official one where it exists.") BigDecimal value, Source source,
            @Schema(description = "The unit's own Q4 year-to-date figure.") BigDecimal selfReported, BigDecimal official,
            String officialSource, BigDecimal completion,
            @Schema(description = "Completion as counted (capped).") BigDecimal counted, Status status) {
    }

    @Schema(name = "AnnualTaskLine")
    public record TaskLine(String line, String task, String role, LocalDate deadline, BigDecimal weight, boolean done) {
    }

    @Schema(name = "AnnualTimelinessLine")
    public record TimelinessLine(String line, String period, Timeliness timeliness, BigDecimal penalty) {
    }

    @Schema(name = "AnnualItemLine", description = "A judged, bonus, penalty or veto item: what was entered and what counts.")
    public record ItemLine(String line, String item, AnnualRules.ItemKind kind, String nameZh, BigDecimal points,
            @Schema(description = "What the points count for, after the item's range or cap.") BigDecimal counted,
            String reason, String evidence) {
    }

    @Schema(name = "AnnualBreakdown", description = "Every point of a unit's annual score, explained line by line.")
    public record Breakdown(int year, BigDecimal baseScore, BigDecimal bonus, BigDecimal penalty, BigDecimal score,
            boolean vetoed, List<Component> components, List<IndicatorLine> indicators, List<TaskLine> tasksDue,
            List<String> overdueTasks, List<TimelinessLine> timeliness, List<ItemLine> judged, List<ItemLine> adjustments,
            List<ItemLine> vetoes) {

        /** Every line an objection may name: each of the above, and the grade. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            indicators.forEach(l -> lines.add(l.line()));
            tasksDue.forEach(l -> lines.add(l.line()));
            timeliness.forEach(l -> lines.add(l.line()));
            judged.forEach(l -> lines.add(l.line()));
            adjustments.forEach(l -> lines.add(l.line()));
            vetoes.forEach(l -> lines.add(l.line()));
            lines.add(GRADE_LINE);
            return lines;
        }
    }

    /** The line naming the grade itself (a band or quota a unit disputes). */
    public static final String GRADE_LINE = "grade";

    private AnnualScoring() {
    }

    public static Breakdown score(Inputs in, AnnualRules rules) {
        List<IndicatorLine> indicators = new ArrayList<>();
        BigDecimal countedSum = BigDecimal.ZERO;
        for (TargetIn t : in.targets()) {
            Official official = in.official().get(t.indicator());
            BigDecimal self = in.selfReported().get(t.indicator());
            BigDecimal value = official != null ? official.value() : self;
            Source source = official != null ? Source.OFFICIAL : self != null ? Source.SELF_REPORTED : Source.NONE;
            BigDecimal completion = value == null ? BigDecimal.ZERO
                    : t.value().signum() == 0 ? BigDecimal.ONE.setScale(4) : value.divide(t.value(), 4, RoundingMode.HALF_UP);
            if ("ABOUT".equals(t.kind()) && completion.compareTo(BigDecimal.ONE.subtract(rules.aboutTolerance())) >= 0
                    && completion.compareTo(BigDecimal.ONE) < 0) {
                completion = BigDecimal.ONE.setScale(4);
            }
            BigDecimal counted = completion.min(rules.progressCap());
            countedSum = countedSum.add(counted);
            indicators.add(new IndicatorLine("indicator:" + t.indicator(), t.indicator(), t.kind(), t.value(), value, source,
                    self, official == null ? null : official.value(), official == null ? null : official.source(),
                    completion, counted, status(completion)));
        }

        LocalDate yearEnd = LocalDate.of(in.year(), 12, 31);
        List<TaskLine> due = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        BigDecimal dueWeight = BigDecimal.ZERO;
        BigDecimal doneWeight = BigDecimal.ZERO;
        for (TaskIn t : in.tasks()) {
            if (t.deadline() == null || t.deadline().isAfter(yearEnd)) {
                continue;
            }
            BigDecimal weight = "LEAD".equals(t.role()) ? BigDecimal.ONE : rules.coResponsibleWeight();
            boolean done = "DONE".equals(in.taskProgress().get(t.task()));
            due.add(new TaskLine("task:" + t.task(), t.task(), t.role(), t.deadline(), weight, done));
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
        BigDecimal late = BigDecimal.ZERO;
        for (Map.Entry<String, Timeliness> e : in.timelinessOfYear().entrySet()) {
            BigDecimal penalty = switch (e.getValue()) {
                case ON_TIME -> BigDecimal.ZERO;
                case LATE -> rules.latePenalty();
                case MISSING -> rules.missingPenalty();
            };
            late = late.add(penalty);
            timeliness.add(new TimelinessLine("timeliness:" + e.getKey(), e.getKey(), e.getValue(), penalty));
        }

        List<ItemLine> judged = new ArrayList<>();
        BigDecimal judgedPoints = BigDecimal.ZERO;
        BigDecimal judgedMax = BigDecimal.ZERO;
        for (AnnualRules.JudgedItem item : rules.judgedItems()) {
            Entry entry = in.entries().get(item.code());
            BigDecimal counted = entry == null || entry.points() == null ? item.minPoints()
                    : entry.points().max(item.minPoints()).min(item.maxPoints());
            judgedPoints = judgedPoints.add(counted);
            judgedMax = judgedMax.add(item.maxPoints());
            judged.add(new ItemLine("judged:" + item.code(), item.code(), AnnualRules.ItemKind.JUDGED, item.nameZh(),
                    entry == null ? null : entry.points(), counted, entry == null ? null : entry.reason(),
                    entry == null ? null : entry.evidence()));
        }

        List<ItemLine> adjustments = new ArrayList<>();
        BigDecimal bonus = adjustments(rules.bonusItems(), AnnualRules.ItemKind.BONUS, "bonus:", in.entries(), adjustments)
                .min(rules.bonusCap());
        BigDecimal penalty = adjustments(rules.penaltyItems(), AnnualRules.ItemKind.PENALTY, "penalty:", in.entries(),
                adjustments).min(rules.penaltyCap());

        List<ItemLine> vetoes = new ArrayList<>();
        for (AnnualRules.VetoItem item : rules.vetoItems()) {
            Entry entry = in.entries().get(item.code());
            if (entry != null) {
                vetoes.add(new ItemLine("veto:" + item.code(), item.code(), AnnualRules.ItemKind.VETO, item.nameZh(), null,
                        null, entry.reason(), entry.evidence()));
            }
        }

        List<Component> parts = new ArrayList<>();
        if (!indicators.isEmpty()) {
            parts.add(new Component("indicators", HUNDRED.multiply(countedSum)
                    .divide(BigDecimal.valueOf(indicators.size()), 4, RoundingMode.HALF_UP), rules.weights().indicators(), null));
        }
        if (dueWeight.signum() > 0) {
            parts.add(new Component("tasks", HUNDRED.multiply(doneWeight).divide(dueWeight, 4, RoundingMode.HALF_UP),
                    rules.weights().tasks(), null));
        }
        parts.add(new Component("timeliness", HUNDRED.subtract(late).max(BigDecimal.ZERO).setScale(4),
                rules.weights().timeliness(), null));
        if (judgedMax.signum() > 0) {
            parts.add(new Component("judged", HUNDRED.multiply(judgedPoints).divide(judgedMax, 4, RoundingMode.HALF_UP),
                    rules.weights().judged(), null));
        }
        BigDecimal totalWeight = parts.stream().map(Component::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Component> components = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        for (Component c : parts) {
            BigDecimal contribution = totalWeight.signum() == 0 ? BigDecimal.ZERO
                    : c.points().multiply(c.weight()).divide(totalWeight, 4, RoundingMode.HALF_UP);
            components.add(new Component(c.name(), c.points(), c.weight(), contribution));
            base = base.add(contribution);
        }
        BigDecimal score = base.add(bonus).subtract(penalty).max(BigDecimal.ZERO).setScale(4, RoundingMode.HALF_UP);
        return new Breakdown(in.year(), base.setScale(4, RoundingMode.HALF_UP), bonus.setScale(4, RoundingMode.HALF_UP),
                penalty.setScale(4, RoundingMode.HALF_UP), score, !vetoes.isEmpty(), components, indicators, due, overdue,
                timeliness, judged, adjustments, vetoes);
    }

    /** Each entered item counted up to its cap; returns their sum (before the scheme's overall cap). */
    private static BigDecimal adjustments(List<AnnualRules.Adjustment> items, AnnualRules.ItemKind kind, String prefix,
            Map<String, Entry> entries, List<ItemLine> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (AnnualRules.Adjustment item : items) {
            Entry entry = entries.get(item.code());
            if (entry == null) {
                continue;
            }
            BigDecimal counted = entry.points().min(item.capPerUnit());
            sum = sum.add(counted);
            lines.add(new ItemLine(prefix + item.code(), item.code(), kind, item.nameZh(), entry.points(), counted,
                    entry.reason(), entry.evidence()));
        }
        return sum;
    }

    /** At year end completion is progress: the quarterly scheme's default thresholds read it. */
    private static Status status(BigDecimal completion) {
        if (completion.compareTo(BigDecimal.ONE) >= 0) {
            return completion.compareTo(new BigDecimal("1.1")) >= 0 ? Status.AHEAD : Status.ON_TRACK;
        }
        return completion.compareTo(new BigDecimal("0.8")) >= 0 ? Status.BEHIND : Status.AT_RISK;
    }
}
