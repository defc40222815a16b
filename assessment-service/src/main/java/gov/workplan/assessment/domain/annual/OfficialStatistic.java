package gov.workplan.assessment.domain.annual;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One version of an official year-end value (统计局核定数) of a unit × indicator: recorded by the statistics
 * bureau or the office with its source and date; a revision is a new version, the earlier ones stay.
 */
@Entity
@Table(name = "official_statistic")
public class OfficialStatistic extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String planCode;

    public int year;

    public String unitCode;

    public String indicatorCode;

    public int version;

    public BigDecimal value;

    public String source;

    public LocalDate sourceDate;

    public String note;

    public String recordedBy;

    public Instant recordedAt;
}
