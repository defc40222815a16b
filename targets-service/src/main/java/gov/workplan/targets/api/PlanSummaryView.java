package gov.workplan.targets.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.targets.domain.Plan;

@Schema(name = "PlanSummary", description = "A plan in a list.")
public record PlanSummaryView(
        @Schema(example = "szfb-2010-98") String code,
        @Schema(example = "深圳市推进生物互联网新能源产业发展工作方案（2010―2012年）") String title,
        String titleEn,
        @Schema(example = "深府办〔2010〕98号") String documentNumber,
        @Schema(example = "深圳市人民政府办公厅") String issuer,
        @Schema(example = "2010-12-01") LocalDate issuedOn,
        @Schema(example = "2011-01-19") LocalDate publishedOn,
        @Schema(example = "2010") int spanFrom,
        @Schema(example = "2012") int spanTo) {

    static PlanSummaryView of(Plan p) {
        return new PlanSummaryView(p.code, p.title, p.titleEn, p.documentNumber, p.issuer, p.issuedOn, p.publishedOn,
                p.spanFrom, p.spanTo);
    }
}
