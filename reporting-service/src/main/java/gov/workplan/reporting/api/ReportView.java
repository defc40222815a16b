package gov.workplan.reporting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.reporting.domain.Report;
import gov.workplan.reporting.domain.ReportContent;
import gov.workplan.reporting.domain.ReportStatus;
import gov.workplan.reporting.domain.Reports;
import gov.workplan.reporting.domain.SubmissionRules.Warning;
import gov.workplan.reporting.domain.Timeliness;

@Schema(name = "Report", description = "A unit's report (报送) for a period, as it now stands.")
public record ReportView(
        UUID id,
        @Schema(example = "szfb-2010-98") String plan,
        @Schema(example = "2011-Q1") String period,
        @Schema(example = "futian") String unit,
        ReportStatus status,
        @Schema(description = "Grows with every change; the history is under /versions.", example = "2") int version,
        ReportContent content,
        @Schema(description = "Remarks kept with the report that did not block it, e.g. an implausible jump.") List<Warning> warnings,
        @Schema(description = "When the report was first submitted; it decides timeliness.") Instant firstSubmittedAt,
        Timeliness timeliness,
        @Schema(description = "How late the first submission was, in seconds; 0 when on time.") Long lateBySeconds,
        @Schema(description = "Migrated from before the system, with its original submission time.") boolean imported,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        @Schema(description = "The unit's requested correction awaiting the office (status CORRECTION_REQUESTED); "
                + "until the office accepts it, `content` — the accepted figures — is what counts.")
        CorrectionRequest correctionRequest) {

    @Schema(name = "CorrectionRequest", description = "A unit's requested correction of an accepted report.")
    public record CorrectionRequest(ReportContent content, String reason, String requestedBy, Instant requestedAt) {
    }

    /** The report as one of its versions left it: how a replayed request is answered as it first was. */
    static ReportView asOf(Report r, gov.workplan.reporting.domain.ReportVersion v, Reports reports) {
        if (v == null) {
            return of(r, reports);
        }
        return new ReportView(r.id, r.planCode, r.periodCode, r.unitCode, v.status, v.version, reports.content(v),
                reports.warnings(v), r.firstSubmittedAt, r.timeliness, r.lateBySeconds, r.imported, r.createdAt,
                r.createdBy, v.at, null);
    }

    static ReportView of(Report r, Reports reports) {
        return new ReportView(r.id, r.planCode, r.periodCode, r.unitCode, r.status, r.version, reports.content(r),
                reports.warnings(r), r.firstSubmittedAt, r.timeliness, r.lateBySeconds, r.imported, r.createdAt,
                r.createdBy, r.updatedAt, r.proposedContent == null ? null
                        : new CorrectionRequest(reports.proposedContent(r), r.proposedReason, r.proposedBy, r.proposedAt));
    }
}
