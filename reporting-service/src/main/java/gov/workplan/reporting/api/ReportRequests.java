package gov.workplan.reporting.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import gov.workplan.reporting.domain.Limits;
import gov.workplan.reporting.domain.ReportContent;
import gov.workplan.reporting.domain.Reports.PastReport;

/** Request bodies of the report endpoints. */
final class ReportRequests {

    private ReportRequests() {
    }

    @Schema(name = "NewReport", description = "Starts a draft report for a unit and period.")
    record NewReport(@Schema(required = true, example = "szfb-2010-98") @Size(max = Limits.CODE) String plan,
            @Schema(required = true, example = "2011-Q1") @Size(max = Limits.PERIOD) String period,
            @Schema(required = true, example = "futian") @Size(max = Limits.CODE) String unit,
            @Schema(description = "May be incomplete while a draft.") @Valid ReportContent content) {
    }

    @Schema(name = "ReportEdit", description = "The draft's new content; replaces the current one, which stays in /versions.")
    record Edit(@Schema(required = true) @Valid ReportContent content) {
    }

    @Schema(name = "ReportReturn", description = "Why the office sends the report back.")
    record Return(@Schema(required = true, example = "生物产业规模与统计局口径不一致，请核实") @Size(max = Limits.REASON) String reason) {
    }

    @Schema(name = "ReportCorrection", description = "A new version of an accepted report, with the reason.")
    record Correction(@Schema(required = true) @Valid ReportContent content,
            @Schema(required = true, example = "统计局年报数据更正") @Size(max = Limits.REASON) String reason) {
    }

    @Schema(name = "ReportImport", description = "Past reports of a plan, with their original submission times.")
    record Import(@Schema(required = true, example = "szfb-2010-98") @Size(max = Limits.CODE) String plan,
            @Schema(required = true) @Size(max = Limits.IMPORTED_REPORTS) List<@Valid PastReport> reports,
            @Schema(required = true, description = "Why these reports are imported rather than made in the system.",
                    example = "系统上线前的纸质报送") @Size(max = Limits.IMPORT_REASON) String reason,
            @Schema(required = true, description = "Where they come from: an archive file, an OA document number.",
                    example = "深科信档〔2011〕12号") @Size(max = Limits.SOURCE) String source) {
    }
}
