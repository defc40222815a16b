package gov.workplan.assessment.domain.annual;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One version of a plan's annual scheme (年度考核方案) for a unit category, effective from a year. Never edited. */
@Entity
@Table(name = "annual_scheme")
public class AnnualScheme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "annual_scheme_seq")
    @SequenceGenerator(name = "annual_scheme_seq", sequenceName = "annual_scheme_seq", allocationSize = 50)
    public Long id;

    public String planCode;

    public String category;

    public int version;

    public int effectiveYear;

    /** {@link AnnualRules} as JSON. */
    public String rules;

    public String note;

    public Instant createdAt;

    public String createdBy;
}
