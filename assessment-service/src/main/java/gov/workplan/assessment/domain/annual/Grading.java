package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Grades (等次) and ranks one category's units for a year. Pure.
 *
 * <ol>
 * <li>A unit with a veto entry is {@link Grade#FAIL} whatever its score.</li>
 * <li>Otherwise its band: the best grade whose lowest score it reaches; below every band, FAIL.</li>
 * <li>Quotas, best grade first: a grade limited to a share s of the category holds at most ⌊s × n⌋ of its n
 * units (vetoed ones included in n). Its candidates are taken by score, highest first; units with equal
 * scores are taken together or not at all, so a tie straddling the limit moves the whole tie down — "at most"
 * is kept, and no tie is broken by anything but the score. A unit moved down meets the next grade's band
 * (which its score passes) and quota in turn.</li>
 * <li>Ranks: by grade, then score, highest first; the same grade and score share a rank and the next skips
 * (1, 1, 3); within a tie, by unit code.</li>
 * </ol>
 * Every unit's grade comes with the reason in words.
 */
public final class Grading {

    public record Scored(String unit, BigDecimal score, boolean vetoed) {
    }

    @Schema(name = "GradedUnit")
    public record Graded(String unit, BigDecimal score, Grade grade, int rank, String reason) {
    }

    private Grading() {
    }

    public static List<Graded> grade(List<Scored> units, AnnualRules rules) {
        int n = units.size();
        Map<String, Grade> grades = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Scored u : units) {
            if (u.vetoed()) {
                grades.put(u.unit(), Grade.FAIL);
                reasons.put(u.unit(), "veto item (一票否决): 不合格 whatever the score");
                continue;
            }
            Grade band = Grade.FAIL;
            BigDecimal min = null;
            for (AnnualRules.Band b : rules.bands()) {
                if (u.score().compareTo(b.minScore()) >= 0) {
                    band = b.grade();
                    min = b.minScore();
                    break;
                }
            }
            grades.put(u.unit(), band);
            reasons.put(u.unit(), min == null ? "score " + plain(u.score()) + " is below every band: 不合格"
                    : "score " + plain(u.score()) + " ≥ " + plain(min) + ": " + band.zh());
        }
        for (Grade grade : Grade.values()) {
            AnnualRules.Quota quota = rules.quotas().stream().filter(q -> q.grade() == grade).findFirst().orElse(null);
            if (quota == null) {
                continue;
            }
            int limit = quota.maxShare().multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR).intValue();
            List<Scored> candidates = units.stream().filter(u -> grades.get(u.unit()) == grade)
                    .sorted(Comparator.comparing(Scored::score, Comparator.reverseOrder()).thenComparing(Scored::unit))
                    .toList();
            int granted = 0;
            boolean full = false;
            for (int i = 0; i < candidates.size();) {
                int j = i;
                while (j < candidates.size() && candidates.get(j).score().compareTo(candidates.get(i).score()) == 0) {
                    j++;
                }
                List<Scored> tie = candidates.subList(i, j);
                if (!full && granted + tie.size() <= limit) {
                    granted += tie.size();
                } else {
                    full = true;
                    String why = "quota: at most " + limit + " of " + n + " units " + grade.zh() + " ("
                            + plain(quota.maxShare().movePointRight(2)) + " %)"
                            + (tie.size() > 1 && granted < limit ? "; " + tie.size() + " units tied at " + plain(tie.get(0).score())
                                    + " would exceed it together" : "")
                            + ": " + grade.lower().zh();
                    for (Scored s : tie) {
                        grades.put(s.unit(), grade.lower());
                        reasons.put(s.unit(), reasons.get(s.unit()) + "; " + why);
                    }
                }
                i = j;
            }
        }
        List<Scored> ordered = new ArrayList<>(units);
        ordered.sort(Comparator.<Scored, Integer> comparing(u -> grades.get(u.unit()).ordinal())
                .thenComparing(Scored::score, Comparator.reverseOrder()).thenComparing(Scored::unit));
        List<Graded> graded = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Scored s = ordered.get(i);
            Grade g = grades.get(s.unit());
            int rank = i > 0 && g == graded.get(i - 1).grade() && s.score().compareTo(ordered.get(i - 1).score()) == 0
                    ? graded.get(i - 1).rank() : i + 1;
            graded.add(new Graded(s.unit(), s.score(), g, rank, reasons.get(s.unit())));
        }
        return graded;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
