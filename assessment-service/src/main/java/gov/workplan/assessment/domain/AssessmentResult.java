package gov.workplan.assessment.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

    public String planCode;

    public String periodCode;

    public int year;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The rankings and breakdowns as they stood when frozen, as JSON. */
    public String snapshot;

    public Instant frozenAt;

    public String frozenBy;

    public Instant approvedAt;

    public String approvedBy;

    public Instant publishedAt;

    public String publishedBy;
}
