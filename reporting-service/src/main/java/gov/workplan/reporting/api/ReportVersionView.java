package gov.workplan.reporting.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.reporting.domain.ReportAction;
import gov.workplan.reporting.domain.ReportContent;
import gov.workplan.reporting.domain.ReportStatus;
import gov.workplan.reporting.domain.ReportVersion;
import gov.workplan.reporting.domain.Reports;
import gov.workplan.reporting.domain.SubmissionRules.Warning;
import gov.workplan.reporting.domain.Timeliness;

@Schema(name = "ReportVersion", description = "One step of a report's life: what it said, who did what, when and why.")
public record ReportVersionView(int version, ReportAction action, ReportStatus status, ReportContent content,
        List<Warning> warnings, String reason, @Schema(description = "Token subject.") String actor, Instant at,
        @Schema(description = "For a submission: on time or late, and by how many seconds.") Timeliness timeliness,
        Long lateBySeconds,
        @Schema(description = "For an import: where the report came from.") String sourceReference) {

    static ReportVersionView of(ReportVersion v, Reports reports) {
        return new ReportVersionView(v.version, v.action, v.status, reports.content(v), reports.warnings(v), v.reason,
                v.actor, v.at, v.timeliness, v.lateBySeconds, v.sourceReference);
    }
}
