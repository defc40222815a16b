package gov.workplan.assessment.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provisional ranking changed; portals following the stream receive it. */
@Schema(name = "RankingChanged")
public record RankingChanged(String plan, String period, String category, List<RankingView> ranking) {

    @Schema(name = "RankingEntry")
    public record RankingView(String unit, String unitNameZh, java.math.BigDecimal score, int rank, Integer movement) {
    }
}
