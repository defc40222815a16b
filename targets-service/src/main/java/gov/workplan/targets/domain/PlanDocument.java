package gov.workplan.targets.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A plan as a document: the format of the seed data files and of {@code POST /api/v1/plans}.
 * Human-readable JSON, one plan per document, validated whole before anything is written.
 */
@Schema(name = "PlanDocument", description = "A whole plan: header, industries, units, indicators, targets and tasks. "
        + "See targets-service/src/main/resources/seed/szfb-2010-98.plan.json for a complete example.")
public record PlanDocument(
        @Schema(description = "Version of this format; 1.", example = "1") Integer formatVersion,
        PlanHeader plan,
        List<IndustryEntry> industries,
        List<UnitEntry> units,
        List<IndicatorEntry> indicators,
        List<TargetEntry> targets,
        List<TaskEntry> tasks) {

    public record PlanHeader(
            @Schema(example = "szfb-2010-98") String code,
            @Schema(example = "深圳市推进生物互联网新能源产业发展工作方案（2010―2012年）") String title,
            String titleEn,
            String noticeTitle,
            @Schema(example = "深府办〔2010〕98号") String documentNumber,
            @Schema(example = "深圳市人民政府办公厅") String issuer,
            String issuerEn,
            @Schema(example = "2010-12-01") LocalDate issuedOn,
            @Schema(example = "2011-01-19") LocalDate publishedOn,
            String indexNumber,
            String category,
            String sourceUrl,
            String addressees,
            String preamble,
            @Schema(example = "2010") Integer spanFrom,
            @Schema(example = "2012") Integer spanTo,
            @Schema(description = "Unit the plan's overall goals belong to.", example = "shenzhen") String topUnit,
            @Schema(description = "Unit that receives reports and assesses.", example = "leading-group-office") String officeUnit,
            @Schema(description = "Unit that approves assessment results.", example = "leading-group") String approverUnit,
            ReportingRule reporting,
            List<GoalEntry> goals,
            List<AppendixEntry> appendices,
            List<String> notes) {
    }

    @Schema(name = "ReportingRule", description = "When reports are due: the given day of the given month of the quarter that follows the reported one, end of day in the zone.")
    public record ReportingRule(
            @Schema(example = "QUARTERLY") ReportingFrequency frequency,
            @Schema(example = "1") Integer dueMonthOfNextQuarter,
            @Schema(example = "10") Integer dueDayOfMonth,
            @Schema(example = "Asia/Shanghai") String zone,
            @Schema(example = "leading-group-office") String recipientUnit,
            String wording) {
    }

    public record GoalEntry(Integer year, String statement) {
    }

    public record AppendixEntry(Integer number, String title, Boolean included, String note) {
    }

    public record IndustryEntry(@Schema(example = "bio") String code, @Schema(example = "生物") String nameZh,
            @Schema(example = "Biotech") String nameEn) {
    }

    public record UnitEntry(
            @Schema(example = "futian") String code,
            @Schema(example = "福田区") String nameZh,
            @Schema(example = "Futian District") String nameEn,
            UnitCategory category,
            @Schema(example = "shenzhen") String parent) {
    }

    public record IndicatorEntry(
            @Schema(example = "scale.bio") String code,
            @Schema(example = "生物产业规模") String nameZh,
            @Schema(example = "Biotech industry scale") String nameEn,
            @Schema(example = "bio") String industry,
            @Schema(example = "亿元") String unitOfMeasure,
            @Schema(example = "100 million yuan") String unitOfMeasureEn,
            Caliber caliber,
            @Schema(description = "Codes of indicators this one is the sum of.") List<String> sumOf,
            String description) {
    }

    public record TargetEntry(
            @Schema(example = "futian") String unit,
            @Schema(example = "scale.bio") String indicator,
            @Schema(example = "2012") Integer year,
            TargetKind kind,
            @Schema(example = "30") BigDecimal value,
            @Schema(description = "Upper bound of a RANGE target.") BigDecimal maxValue,
            @Schema(example = "生物产业规模达到900亿元") String wording,
            TargetSource source) {
    }

    public record TaskEntry(
            @Schema(example = "3.1.1") String code,
            @Schema(example = "3") Integer section,
            @Schema(example = "3.1") String parent,
            String title,
            String titleEn,
            String description,
            String responsibleText,
            @Schema(description = "Lead units (牵头), in the order written.") List<String> lead,
            @Schema(description = "Co-responsible units (配合), in the order written.") List<String> coResponsible,
            @Schema(example = "2011-03-31") LocalDate deadline,
            String deadlineText,
            String note) {
    }
}
