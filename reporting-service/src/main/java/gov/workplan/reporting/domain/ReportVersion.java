package gov.workplan.reporting.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One step in a report's life, with who and when; rows are only ever added. */
@Entity
@Table(name = "report_version")
public class ReportVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_version_seq")
    @SequenceGenerator(name = "report_version_seq", sequenceName = "report_version_seq", allocationSize = 50)
    public Long id;

    public UUID reportId;

    public int version;

    @Enumerated(EnumType.STRING)
    public ReportAction action;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    public String content;

    public String warnings;

    public String reason;

    public String actor;

    public Instant at;

    @Enumerated(EnumType.STRING)
    public Timeliness timeliness;

    public Long lateBySeconds;

    /** For an imported report: where it came from (an archive file, an OA document number). */
    public String sourceReference;
}
