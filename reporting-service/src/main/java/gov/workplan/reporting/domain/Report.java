package gov.workplan.reporting.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit's report (报送) for one period of a plan: its current state. Every state and content it has
 * had is kept in {@link ReportVersion}; this row only points at the latest.
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    public UUID id;

    public String planCode;

    public String periodCode;

    public String unitCode;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public int version;

    /** The current content, as JSON ({@link ReportContent}). */
    public String content;

    /** Warnings kept with the current content, as JSON. */
    public String warnings;

    /** The first submission decides timeliness: a unit that reported on time did so even if later returned. */
    public Instant firstSubmittedAt;

    @Enumerated(EnumType.STRING)
    public Timeliness timeliness;

    public Long lateBySeconds;

    public boolean imported;

    public Instant createdAt;

    public String createdBy;

    public Instant updatedAt;

    /** A unit's requested correction of this accepted report, awaiting the office; null when none waits. */
    public String proposedContent;

    public String proposedWarnings;

    public String proposedReason;

    public String proposedBy;

    public Instant proposedAt;
}
