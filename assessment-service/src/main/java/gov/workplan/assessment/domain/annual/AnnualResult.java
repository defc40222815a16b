package gov.workplan.assessment.domain.annual;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A year's assessment frozen into an immutable snapshot (年度考核结果), one version of the year's cycle:
 * frozen by the office, approved by the leading group (审定), notified to the units, then — once the objection
 * window has closed and every objection is ruled — published. A version corrected after an upheld objection
 * supersedes the one before, which stays.
 */
@Entity
@Table(name = "annual_result")
public class AnnualResult extends PanacheEntityBase {

    public enum Status {
        FROZEN, APPROVED, NOTIFIED, PUBLISHED, SUPERSEDED
    }

    @Id
    public UUID id;

    public String planCode;

    public int year;

    public int version;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** {@link AnnualResults.Snapshot} as JSON. */
    public String snapshot;

    /** Why a new version was frozen (required for every version after the first). */
    public String reason;

    public Instant frozenAt;

    public String frozenBy;

    public Instant approvedAt;

    public String approvedBy;

    public Instant notifiedAt;

    public String notifiedBy;

    /** The end of the objection window (申诉期), set when the cycle's first version is notified. */
    public Instant objectionsCloseAt;

    public Instant publishedAt;

    public String publishedBy;

    public UUID supersededBy;
}
