package gov.workplan.assessment.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One version of a plan's assessment scheme (考核方案) for a unit category, effective from a period.
 * Never edited: the office defines a new version; earlier results keep the version they used.
 */
@Entity
@Table(name = "scheme")
public class AssessmentScheme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheme_seq")
    @SequenceGenerator(name = "scheme_seq", sequenceName = "scheme_seq", allocationSize = 50)
    public Long id;

    public String planCode;

    public String category;

    public int version;

    /** The first period (e.g. {@code 2011-Q3}) this version applies to. */
    public String effectiveFrom;

    /** {@link SchemeRules} as JSON. */
    public String rules;

    public String note;

    public Instant createdAt;

    public String createdBy;
}
