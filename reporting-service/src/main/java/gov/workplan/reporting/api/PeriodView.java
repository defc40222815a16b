package gov.workplan.reporting.api;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.workplan.reporting.domain.Period;

@Schema(name = "Period", description = "A reporting period (报送期) and when its reports are due.")
public record PeriodView(
        @Schema(example = "2011-Q1") String code,
        @Schema(example = "2011") int year,
        @Schema(example = "1") int quarter,
        @Schema(example = "2011-01-01") LocalDate start,
        @Schema(example = "2011-03-31") LocalDate end,
        @Schema(description = "The last day to report, in the plan's zone.", example = "2011-04-10") LocalDate dueDate,
        @Schema(description = "The first instant a submission is late: the end of the due date in the plan's zone.",
                example = "2011-04-10T16:00:00Z") Instant deadline,
        @Schema(example = "Asia/Shanghai") String zone,
        @Schema(description = "Whether the deadline has passed by the server's clock.") boolean closed) {

    static PeriodView of(Period p, String zone, Instant now) {
        return new PeriodView(p.code(), p.year(), p.quarter(), p.start(), p.end(), p.dueDate(), p.deadline(), zone,
                !now.isBefore(p.deadline()));
    }
}
