package gov.workplan.assessment.domain;

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
 * A period's ranking frozen into an immutable snapshot (考核结果): the office freezes it, the
 * leading group approves it (审定), the office publishes it. The snapshot never changes; later
 * corrections lead to a new result.
 */
@Entity
@Table(name = "assessment_result")
public class AssessmentResult extends PanacheEntityBase {

    public enum Status {
        FROZEN, APPROVED, PUBLISHED
    }

    @Id
    public UUID id;

    @Column(name = "plan_code")
    public String planCode;

    @Column(name = "period_code")
    public String periodCode;

    public int year;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The rankings and breakdowns as they stood when frozen, as JSON. */
    public String snapshot;

    @Column(name = "frozen_at")
    public Instant frozenAt;

    @Column(name = "frozen_by")
    public String frozenBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;
}
