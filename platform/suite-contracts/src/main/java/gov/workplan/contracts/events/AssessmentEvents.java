package gov.workplan.contracts.events;

import static gov.workplan.contracts.ContractLimits.ACTOR;
import static gov.workplan.contracts.ContractLimits.CODE;
import static gov.workplan.contracts.ContractLimits.ENUM_NAME;
import static gov.workplan.contracts.ContractLimits.MAX_YEAR;
import static gov.workplan.contracts.ContractLimits.MIN_YEAR;
import static gov.workplan.contracts.ContractLimits.NAME;
import static gov.workplan.contracts.ContractLimits.PERIOD;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** workplan.assessment, owned by assessment-service: published assessment results (考核结果). */
public final class AssessmentEvents {

    public static final String TOPIC = "workplan.assessment";
    public static final int SCHEMA_VERSION = 1;

    public static final String RANKING_PUBLISHED = "ranking.published";

    private AssessmentEvents() {
    }

    /** {@code ranking.published}: an approved result made public, with its rankings as frozen. */
    public record RankingPublished(
            @NotNull UUID resultId,
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = PERIOD) String period,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @NotNull Instant publishedAt,
            @NotNull @Size(max = ACTOR) String approvedBy,
            @NotNull List<@Valid CategoryRanking> rankings) {
    }

    /** The ranking (排名) of one category of units, e.g. the districts. */
    public record CategoryRanking(
            @NotNull @Size(max = CODE) String plan,
            @NotNull @Size(max = PERIOD) String period,
            @NotNull @Size(max = ENUM_NAME) String category,
            @NotNull List<@Valid Entry> entries) {
    }

    /**
     * Ties share a rank; movement is the places climbed since the previous period (null for the first). A score
     * is at most 1000: 100 points a component, over-achievement counted up to a scheme's progress cap (≤ 10).
     */
    public record Entry(
            @NotNull @Size(max = CODE) String unit,
            @Size(max = NAME) String unitNameZh,
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 4) BigDecimal score,
            @Min(1) int rank,
            Integer movement) {
    }

    public static final Topic CONTRACT = new Topic(TOPIC, "assessment-service", SCHEMA_VERSION, Map.of(RANKING_PUBLISHED, RankingPublished.class));
}
