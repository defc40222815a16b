package gov.workplan.targets.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A plan document exactly as it was imported (compressed), with who imported it and when. */
@Entity
@Table(name = "plan_import")
public class PlanImportRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "plan_import_seq")
    @SequenceGenerator(name = "plan_import_seq", sequenceName = "plan_import_seq", allocationSize = 50)
    public Long id;

    public String planCode;
    public String checksum;
    public Instant importedAt;
    public String importedBy;
    /** The document as imported before it was kept compressed (older imports only). */
    public String document;
    /** What the document is: application/json, or the .xlsx workbook's media type. */
    public String mediaType;
    /** The document as imported, byte for byte, gzip-compressed. */
    public byte[] documentGzip;
}
