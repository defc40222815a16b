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

/**
 * A target (目标) of one unit for one indicator and year. Holds its current value; the baseline from
 * the plan document and every amendment are kept as {@link TargetRevision}s.
 */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "target_seq")
    @SequenceGenerator(name = "target_seq", sequenceName = "target_seq", allocationSize = 50)
    public Long id;

    public String planCode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_code")
    public Unit unit;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    public int year;

    @Enumerated(EnumType.STRING)
    public TargetKind kind;
    public BigDecimal value;
    public BigDecimal maxValue;

    /** The phrase of the plan this target was read from, as written. */
    public String wording;
    @Enumerated(EnumType.STRING)
    public TargetSource source;

    /** 0 until amended; the number of the latest revision. */
    public int revision;

    @Enumerated(EnumType.STRING)
    public TargetKind baselineKind;
    public BigDecimal baselineValue;
    public BigDecimal baselineMaxValue;

    public Instant updatedAt;

    public TargetValue current() {
        return new TargetValue(kind, value, maxValue);
    }

    public TargetValue baseline() {
        return new TargetValue(baselineKind, baselineValue, baselineMaxValue);
    }

    /** Moves the target to a new value as revision {@code revision + 1}; the caller keeps the revision. */
    public TargetRevision amend(TargetValue next, String reason, String by, Instant at) {
        revision++;
        kind = next.kind();
        value = next.value();
        maxValue = next.maxValue();
        updatedAt = at;
        return TargetRevision.of(this, reason, by, at);
    }
}
