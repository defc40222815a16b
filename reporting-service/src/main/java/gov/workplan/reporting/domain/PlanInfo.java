package gov.workplan.reporting.domain;

import java.time.Instant;

/** A plan as reporting knows it; {@code loadedAt} is when it was first registered here. */
public record PlanInfo(String code, String title, int spanFrom, int spanTo, String officeUnit, ReportingRule rule,
        Instant loadedAt) {
}
