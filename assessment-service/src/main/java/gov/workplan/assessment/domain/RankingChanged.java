package gov.workplan.assessment.domain;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A provisional ranking changed; portals following the stream receive it. Small on purpose: with
 * thousands of units a category's full ranking per report would be most of the stream; a portal
 * applies the unit's new score and rank, or re-reads {@code GET /rankings} when {@code unit} is null.
 */
@Schema(name = "RankingChanged", description = "A unit's assessment was recalculated (unit, score and rank set), "
        + "or a whole category's ranking was (unit, score and rank null: re-read it).")
public record RankingChanged(String plan, String period, String category,
        @Schema(nullable = true, description = "The unit whose report or target changed") String unit,
        @Schema(nullable = true) String unitNameZh,
        @Schema(nullable = true) BigDecimal score,
        @Schema(nullable = true, description = "Its rank in the category now; ties share a rank") Integer rank) {

    static RankingChanged wholeCategory(String plan, String period, String category) {
        return new RankingChanged(plan, period, category, null, null, null, null);
    }

    /** One unit's place in a ranking, in read models and the stream's consumers. */
    @Schema(name = "RankingEntry")
    public record RankingView(String unit, String unitNameZh, BigDecimal score, int rank, Integer movement) {
    }
}
