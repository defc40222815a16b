package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.common.problem.FieldErrors;

/**
 * The rules of a year's assessment (年度考核方案) for one unit category, as data: what the formula
 * computes (indicator completion — on the official statistics where they exist —, tasks, timeliness), what
 * the office judges (评议: points within a range, with a reason), bonus and penalty items (加分、扣分: with a
 * reason, evidence and a cap per unit), veto items (一票否决: the lowest grade whatever the score), and how
 * scores become grades (等次: score bands, and quotas such as "at most 20 % 优秀"). Versioned like the
 * quarterly schemes; the default is written down in the service's README with a worked example.
 */
@Schema(name = "AnnualRules")
public record AnnualRules(
        @Schema(description = "Relative weights of the components.") Weights weights,
        @Schema(description = "Completion above this counts as this (over-achievement is capped).", example = "1.2") BigDecimal progressCap,
        @Schema(description = "An ABOUT (左右) target within this fraction below counts as met.", example = "0.05") BigDecimal aboutTolerance,
        @Schema(description = "Timeliness points off per late quarterly report of the year.", example = "5") BigDecimal latePenalty,
        @Schema(description = "Timeliness points off per missing quarterly report of the year.", example = "15") BigDecimal missingPenalty,
        @Schema(description = "Weight of a co-responsible (配合) task against 1 for a lead task.", example = "0") BigDecimal coResponsibleWeight,
        @Schema(description = "Items the office judges (评议), each scored within its range with a reason.") List<JudgedItem> judgedItems,
        @Schema(description = "Bonus items (加分), each with a cap per unit.") List<Adjustment> bonusItems,
        @Schema(description = "Penalty items (扣分), each with a cap per unit.") List<Adjustment> penaltyItems,
        @Schema(description = "All bonus points of a unit together count up to this.", example = "3") BigDecimal bonusCap,
        @Schema(description = "All penalty points of a unit together count up to this.", example = "10") BigDecimal penaltyCap,
        @Schema(description = "Veto items (一票否决): any one puts the unit in 不合格 whatever its score.") List<VetoItem> vetoItems,
        @Schema(description = "The lowest score of each grade above 不合格, best grade first.") List<Band> bands,
        @Schema(description = "The largest share of a category's units a grade may hold.") List<Quota> quotas,
        @Schema(description = "Self-reported and official year-end values further apart than this (relative to the "
                + "official value) are flagged for data quality.", example = "0.05") BigDecimal dataQualityThreshold) {

    public static final int MAX_ITEMS = 20;
    public static final int MAX_NAME = 200;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9.-]{0,19}");
    private static final BigDecimal THOUSAND = new BigDecimal("1000");

    @Schema(name = "AnnualWeights")
    public record Weights(@Schema(example = "50") BigDecimal indicators, @Schema(example = "20") BigDecimal tasks,
            @Schema(example = "10") BigDecimal timeliness, @Schema(example = "20") BigDecimal judged) {
    }

    @Schema(name = "JudgedItem", description = "An item the office scores by judgement (评议), within [minPoints, maxPoints].")
    public record JudgedItem(@Schema(example = "J1") String code, @Schema(example = "组织领导与工作推进") String nameZh,
            @Schema(example = "Leadership and implementation") String nameEn, @Schema(example = "0") BigDecimal minPoints,
            @Schema(example = "100") BigDecimal maxPoints) {
    }

    @Schema(name = "AdjustmentItem", description = "A bonus (加分) or penalty (扣分) item and the most it counts for a unit.")
    public record Adjustment(@Schema(example = "P1") String code, @Schema(example = "报送数据失实") String nameZh,
            @Schema(example = "Misreported data") String nameEn, @Schema(example = "5") BigDecimal capPerUnit) {
    }

    @Schema(name = "VetoItem", description = "A veto item (一票否决).")
    public record VetoItem(@Schema(example = "V1") String code, @Schema(example = "重大安全生产责任事故") String nameZh,
            @Schema(example = "Major work-safety accident") String nameEn) {
    }

    @Schema(name = "GradeBand")
    public record Band(Grade grade, @Schema(example = "90") BigDecimal minScore) {
    }

    @Schema(name = "GradeQuota")
    public record Quota(Grade grade, @Schema(example = "0.2") BigDecimal maxShare) {
    }

    /** The default annual scheme, loaded with every plan: see the service's README, "The annual assessment". */
    public static final AnnualRules DEFAULT = new AnnualRules(
            new Weights(new BigDecimal("50"), new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("20")),
            new BigDecimal("1.2"), new BigDecimal("0.05"), new BigDecimal("5"), new BigDecimal("15"), BigDecimal.ZERO,
            List.of(new JudgedItem("J1", "组织领导与工作推进", "Leadership and implementation", BigDecimal.ZERO,
                    new BigDecimal("100"))),
            List.of(new Adjustment("B1", "国家级表彰或试点", "National award or pilot", new BigDecimal("3"))),
            List.of(new Adjustment("P1", "报送数据失实", "Misreported data", new BigDecimal("5")),
                    new Adjustment("P2", "督办事项逾期未办结", "Supervised matter overdue", new BigDecimal("5"))),
            new BigDecimal("3"), new BigDecimal("10"),
            List.of(new VetoItem("V1", "重大安全生产责任事故", "Major work-safety accident"),
                    new VetoItem("V2", "统计数据弄虚作假", "Falsified statistics")),
            List.of(new Band(Grade.EXCELLENT, new BigDecimal("90")), new Band(Grade.GOOD, new BigDecimal("80")),
                    new Band(Grade.PASS, new BigDecimal("60"))),
            List.of(new Quota(Grade.EXCELLENT, new BigDecimal("0.2"))),
            new BigDecimal("0.05"));

    /** The kind of an item of this scheme, or null. */
    public ItemKind kindOf(String code) {
        if (judgedItems.stream().anyMatch(i -> i.code().equals(code))) {
            return ItemKind.JUDGED;
        }
        if (bonusItems.stream().anyMatch(i -> i.code().equals(code))) {
            return ItemKind.BONUS;
        }
        if (penaltyItems.stream().anyMatch(i -> i.code().equals(code))) {
            return ItemKind.PENALTY;
        }
        return vetoItems.stream().anyMatch(i -> i.code().equals(code)) ? ItemKind.VETO : null;
    }

    public enum ItemKind {
        JUDGED, BONUS, PENALTY, VETO
    }

    public FieldErrors check(String prefix) {
        FieldErrors errors = new FieldErrors();
        if (weights == null) {
            errors.add(prefix + "weights", "is required");
        } else {
            range(weights.indicators(), BigDecimal.ZERO, THOUSAND, prefix + "weights.indicators", errors);
            range(weights.tasks(), BigDecimal.ZERO, THOUSAND, prefix + "weights.tasks", errors);
            range(weights.timeliness(), BigDecimal.ZERO, THOUSAND, prefix + "weights.timeliness", errors);
            range(weights.judged(), BigDecimal.ZERO, THOUSAND, prefix + "weights.judged", errors);
            if (errors.isEmpty() && weights.indicators().add(weights.tasks()).add(weights.timeliness())
                    .add(weights.judged()).signum() == 0) {
                errors.add(prefix + "weights", "must not all be zero");
            }
        }
        range(progressCap, BigDecimal.ONE, BigDecimal.TEN, prefix + "progressCap", errors);
        if (aboutTolerance == null || aboutTolerance.signum() < 0 || aboutTolerance.compareTo(BigDecimal.ONE) >= 0) {
            errors.add(prefix + "aboutTolerance", "must be at least 0 and below 1");
        }
        range(latePenalty, BigDecimal.ZERO, THOUSAND, prefix + "latePenalty", errors);
        range(missingPenalty, BigDecimal.ZERO, THOUSAND, prefix + "missingPenalty", errors);
        range(coResponsibleWeight, BigDecimal.ZERO, BigDecimal.ONE, prefix + "coResponsibleWeight", errors);
        range(bonusCap, BigDecimal.ZERO, THOUSAND, prefix + "bonusCap", errors);
        range(penaltyCap, BigDecimal.ZERO, THOUSAND, prefix + "penaltyCap", errors);
        range(dataQualityThreshold, BigDecimal.ZERO, BigDecimal.ONE, prefix + "dataQualityThreshold", errors);
        Set<String> codes = new HashSet<>();
        if (list(judgedItems, prefix + "judgedItems", errors)) {
            for (int i = 0; i < judgedItems.size(); i++) {
                JudgedItem item = judgedItems.get(i);
                String at = prefix + "judgedItems[" + i + "]";
                if (item == null) {
                    errors.add(at, "is required");
                    continue;
                }
                item(item.code(), item.nameZh(), item.nameEn(), at, codes, errors);
                range(item.minPoints(), BigDecimal.ZERO, THOUSAND, at + ".minPoints", errors);
                range(item.maxPoints(), BigDecimal.ZERO, THOUSAND, at + ".maxPoints", errors);
                if (item.minPoints() != null && item.maxPoints() != null && item.maxPoints().compareTo(item.minPoints()) <= 0) {
                    errors.add(at + ".maxPoints", "must be above minPoints");
                }
            }
        }
        adjustments(bonusItems, prefix + "bonusItems", codes, errors);
        adjustments(penaltyItems, prefix + "penaltyItems", codes, errors);
        if (list(vetoItems, prefix + "vetoItems", errors)) {
            for (int i = 0; i < vetoItems.size(); i++) {
                VetoItem item = vetoItems.get(i);
                if (item == null) {
                    errors.add(prefix + "vetoItems[" + i + "]", "is required");
                    continue;
                }
                item(item.code(), item.nameZh(), item.nameEn(), prefix + "vetoItems[" + i + "]", codes, errors);
            }
        }
        bands(prefix, errors);
        if (list(quotas, prefix + "quotas", errors)) {
            Set<Grade> seen = new HashSet<>();
            for (int i = 0; i < quotas.size(); i++) {
                Quota q = quotas.get(i);
                String at = prefix + "quotas[" + i + "]";
                if (q == null || q.grade() == null || q.grade() == Grade.FAIL || !seen.add(q.grade())) {
                    errors.add(at + ".grade", "must be a grade above FAIL, once");
                }
                if (q != null) {
                    range(q.maxShare(), BigDecimal.ZERO, BigDecimal.ONE, at + ".maxShare", errors);
                }
            }
        }
        return errors;
    }

    private void bands(String prefix, FieldErrors errors) {
        if (bands == null || bands.size() != 3) {
            errors.add(prefix + "bands", "must give the lowest score of EXCELLENT, GOOD and PASS, in that order");
            return;
        }
        List<Grade> order = List.of(Grade.EXCELLENT, Grade.GOOD, Grade.PASS);
        BigDecimal above = null;
        for (int i = 0; i < 3; i++) {
            Band band = bands.get(i);
            String at = prefix + "bands[" + i + "]";
            if (band == null || band.grade() != order.get(i)) {
                errors.add(at + ".grade", "must be " + order.get(i));
                continue;
            }
            range(band.minScore(), BigDecimal.ZERO, THOUSAND, at + ".minScore", errors);
            if (band.minScore() != null && above != null && band.minScore().compareTo(above) >= 0) {
                errors.add(at + ".minScore", "must be below the grade above's");
            }
            above = band.minScore();
        }
    }

    private static void adjustments(List<Adjustment> items, String at, Set<String> codes, FieldErrors errors) {
        if (!list(items, at, errors)) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            Adjustment item = items.get(i);
            if (item == null) {
                errors.add(at + "[" + i + "]", "is required");
                continue;
            }
            item(item.code(), item.nameZh(), item.nameEn(), at + "[" + i + "]", codes, errors);
            range(item.capPerUnit(), BigDecimal.ZERO, THOUSAND, at + "[" + i + "].capPerUnit", errors);
        }
    }

    private static boolean list(List<?> items, String at, FieldErrors errors) {
        if (items == null) {
            errors.add(at, "is required (may be empty)");
            return false;
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(at, "must have at most " + MAX_ITEMS + " items");
            return false;
        }
        return true;
    }

    private static void item(String code, String nameZh, String nameEn, String at, Set<String> codes, FieldErrors errors) {
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(at + ".code", "must be a code like J1, B1, P2 or V1 (capital letter first, at most 20 characters)");
        } else if (!codes.add(code)) {
            errors.add(at + ".code", "is used by another item of the scheme");
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > MAX_NAME) {
            errors.add(at + ".nameZh", "is required, at most " + MAX_NAME + " characters");
        }
        if (nameEn != null && nameEn.length() > MAX_NAME) {
            errors.add(at + ".nameEn", "must be at most " + MAX_NAME + " characters");
        }
    }

    private static void range(BigDecimal value, BigDecimal min, BigDecimal max, String field, FieldErrors errors) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.add(field, "must be a number from " + min.toPlainString() + " to " + max.toPlainString());
        }
    }
}
