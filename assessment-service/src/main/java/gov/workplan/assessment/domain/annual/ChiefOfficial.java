package gov.workplan.assessment.domain.annual;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit's chief official (行政主要领导) from a date, to a date or still in post. The annual assessment judges
 * the unit and them: its result names whoever held the post during the year.
 */
@Entity
@Table(name = "chief_official")
public class ChiefOfficial extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String unitCode;

    public String name;

    public String post;

    public LocalDate fromDate;

    public LocalDate toDate;

    public String recordedBy;

    public Instant recordedAt;
}
