package gov.workplan.contracts.events;

import static gov.workplan.contracts.ContractLimits.ACTOR;
import static gov.workplan.contracts.ContractLimits.ANNUAL_LINE;
import static gov.workplan.contracts.ContractLimits.CHIEF_OFFICIAL_NAME;
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

/**
 * workplan.assessment, owned by assessment-service: published assessment results (考核结果), and every step of
 * the annual cycle (年度考核): a version frozen, approved, notified to the units, an objection (申诉) filed or
 * ruled, the year published.
 */
public final class AssessmentEvents {

    public static final String TOPIC = "workplan.assessment";
    public static final int SCHEMA_VERSION = 1;

    public static final String RANKING_PUBLISHED = "ranking.published";
    public static final String ANNUAL_RESULT_FROZEN = "annual-result.frozen";
    public static final String ANNUAL_RESULT_APPROVED = "annual-result.approved";
    public static final String ANNUAL_RESULT_NOTIFIED = "annual-result.notified";
    public static final String OBJECTION_FILED = "objection.filed";
    public static final String OBJECTION_RULED = "objection.ruled";
    public static final String ANNUAL_RESULT_PUBLISHED = "annual-result.published";

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

    /**
     * {@code annual-result.frozen|approved|notified}: a version of a year's annual result moved on; {@code status}
     * is its new status. A version frozen after an upheld objection names the one it supersedes.
     */
    public record AnnualResultChanged(
            @NotNull UUID resultId,
            @NotNull @Size(max = CODE) String plan,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @Min(1) @Max(1000) int version,
            @NotNull @Size(max = ENUM_NAME) String status,
            @NotNull @Size(max = ACTOR) String actor,
            @NotNull Instant at,
            Instant objectionsCloseAt,
            UUID supersedes) {
    }

    /** {@code objection.filed|ruled}: a unit objected to a line of its annual result, or the office ruled on it. */
    public record ObjectionChanged(
            @NotNull UUID objectionId,
            @NotNull UUID resultId,
            @NotNull @Size(max = CODE) String plan,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @NotNull @Size(max = CODE) String unit,
            @NotNull @Size(max = ANNUAL_LINE) String line,
            @NotNull @Size(max = ENUM_NAME) String status,
            @NotNull @Size(max = ACTOR) String actor,
            @NotNull Instant at) {
    }

    /** {@code annual-result.published}: the year's grades (等次) and ranking made public, as frozen. */
    public record AnnualResultPublished(
            @NotNull UUID resultId,
            @NotNull @Size(max = CODE) String plan,
            @Min(MIN_YEAR) @Max(MAX_YEAR) int year,
            @Min(1) @Max(1000) int version,
            @NotNull Instant publishedAt,
            @NotNull @Size(max = ACTOR) String approvedBy,
            @NotNull List<@Valid AnnualCategory> categories) {
    }

    /** One category's annual grades, best first. */
    public record AnnualCategory(
            @NotNull @Size(max = ENUM_NAME) String category,
            @NotNull List<@Valid AnnualEntry> entries) {
    }

    /**
     * A unit's annual result: its chief officials of the year by name, the score (at most 2000: a weighted average
     * of components of at most 1000 each, and bonus points up to a scheme's cap of at most 1000), the grade
     * (EXCELLENT, GOOD, PASS, FAIL), the rank, and the lines changed after an upheld objection.
     */
    public record AnnualEntry(
            @NotNull @Size(max = CODE) String unit,
            @Size(max = NAME) String unitNameZh,
            @NotNull List<@NotNull @Size(max = CHIEF_OFFICIAL_NAME) String> chiefOfficials,
            @NotNull @DecimalMin("0") @DecimalMax("2000") @Digits(integer = 4, fraction = 4) BigDecimal score,
            @NotNull @Size(max = ENUM_NAME) String grade,
            @Min(1) int rank,
            @NotNull List<@NotNull @Size(max = ANNUAL_LINE) String> changedAfterObjection) {
    }

    public static final Topic CONTRACT = new Topic(TOPIC, "assessment-service", SCHEMA_VERSION, Map.of(
            RANKING_PUBLISHED, RankingPublished.class,
            ANNUAL_RESULT_FROZEN, AnnualResultChanged.class,
            ANNUAL_RESULT_APPROVED, AnnualResultChanged.class,
            ANNUAL_RESULT_NOTIFIED, AnnualResultChanged.class,
            OBJECTION_FILED, ObjectionChanged.class,
            OBJECTION_RULED, ObjectionChanged.class,
            ANNUAL_RESULT_PUBLISHED, AnnualResultPublished.class));
}
