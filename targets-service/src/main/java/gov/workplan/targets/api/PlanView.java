package gov.workplan.targets.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.Industry;
import gov.workplan.targets.domain.Plan;
import gov.workplan.targets.domain.ReportingFrequency;
import gov.workplan.contracts.events.TargetsEvents.Counts;

@Schema(name = "Plan", description = "A work plan (工作方案) with its reporting rule and what it contains.")
public record PlanView(
        @Schema(example = "szfb-2010-98") String code,
        String title,
        String titleEn,
        String noticeTitle,
        @Schema(example = "深府办〔2010〕98号") String documentNumber,
        String issuer,
        String issuerEn,
        LocalDate issuedOn,
        LocalDate publishedOn,
        String indexNumber,
        String category,
        String sourceUrl,
        String addressees,
        String preamble,
        int spanFrom,
        int spanTo,
        @Schema(example = "shenzhen") String topUnit,
        @Schema(example = "leading-group-office") String officeUnit,
        @Schema(example = "leading-group") String approverUnit,
        List<IndustryView> industries,
        ReportingView reporting,
        List<GoalView> goals,
        List<AppendixView> appendices,
        List<String> notes,
        @Schema(description = "Codes of the units taking part, in the document's order.") List<String> units,
        Counts counts,
        Instant importedAt,
        String importedBy,
        @Schema(description = "SHA-256 of the imported document in normal form.") String sourceChecksum) {

    public record IndustryView(@Schema(example = "bio") String code, @Schema(example = "生物") String nameZh,
            @Schema(example = "Biotech") String nameEn) {
    }

    @Schema(name = "Reporting", description = "Reports are due on dueDayOfMonth of month dueMonthOfNextQuarter of the "
            + "quarter after the reported one, end of day in zone: 2011-Q1 is due 2011-04-10.")
    public record ReportingView(ReportingFrequency frequency, @Schema(example = "1") int dueMonthOfNextQuarter,
            @Schema(example = "10") int dueDayOfMonth, @Schema(example = "Asia/Shanghai") String zone,
            @Schema(example = "leading-group-office") String recipientUnit, String wording) {
    }

    public record GoalView(int year, String statement) {
    }

    public record AppendixView(int number, String title, boolean included, String note) {
    }

    static PlanView of(Plan p, List<Industry> industries, Counts counts) {
        return new PlanView(p.code, p.title, p.titleEn, p.noticeTitle, p.documentNumber, p.issuer, p.issuerEn,
                p.issuedOn, p.publishedOn, p.indexNumber, p.category, p.sourceUrl, p.addressees, p.preamble,
                p.spanFrom, p.spanTo, p.topUnitCode, p.officeUnitCode, p.approverUnitCode,
                industries.stream().map(i -> new IndustryView(i.code, i.nameZh, i.nameEn)).toList(),
                new ReportingView(p.reportingFrequency, p.reportingDueMonth, p.reportingDueDay, p.reportingZone,
                        p.reportingRecipientCode, p.reportingWording),
                p.goals.stream().map(g -> new GoalView(g.year, g.statement)).toList(),
                p.appendices.stream().map(a -> new AppendixView(a.number, a.title, a.included, a.note)).toList(),
                List.copyOf(p.notes), List.copyOf(p.unitCodes), counts, p.importedAt, p.importedBy, p.sourceChecksum);
    }
}
