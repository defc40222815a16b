package gov.workplan.reporting.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

    @Column(name = "plan_code")
    public String planCode;

    @Column(name = "period_code")
    public String periodCode;

    @Column(name = "unit_code")
    public String unitCode;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public int version;

    /** The current content, as JSON ({@link ReportContent}). */
    public String content;

    /** Warnings kept with the current content, as JSON. */
    public String warnings;

    /** The first submission decides timeliness: a unit that reported on time did so even if later returned. */
    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;

    @Enumerated(EnumType.STRING)
    public Timeliness timeliness;

    @Column(name = "late_by_seconds")
    public Long lateBySeconds;

    public boolean imported;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A unit's requested correction of this accepted report, awaiting the office; null when none waits. */
    @Column(name = "proposed_content")
    public String proposedContent;

    @Column(name = "proposed_warnings")
    public String proposedWarnings;

    @Column(name = "proposed_reason")
    public String proposedReason;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;
}
