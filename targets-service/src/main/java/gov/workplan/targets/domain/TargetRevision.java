package gov.workplan.targets.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One value a target has had: who set it, when and why. Never changed once written. */
@Entity
@Table(name = "target_revision")
public class TargetRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "target_revision_seq")
    @SequenceGenerator(name = "target_revision_seq", sequenceName = "target_revision_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id")
    public Target target;

    public int revision;
    @Enumerated(EnumType.STRING)
    public TargetKind kind;
    public BigDecimal value;
    public BigDecimal maxValue;
    public String reason;
    public String changedBy;
    public Instant changedAt;

    static TargetRevision of(Target target, String reason, String by, Instant at) {
        TargetRevision r = new TargetRevision();
        r.target = target;
        r.revision = target.revision;
        r.kind = target.kind;
        r.value = target.value;
        r.maxValue = target.maxValue;
        r.reason = reason;
        r.changedBy = by;
        r.changedAt = at;
        return r;
    }

    public TargetValue asValue() {
        return new TargetValue(kind, value, maxValue);
    }
}
