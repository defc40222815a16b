package gov.workplan.assessment.domain.annual;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit's objection (申诉) to one line of its annual result, and the office's ruling on it. */
@Entity
@Table(name = "objection")
public class Objection extends PanacheEntityBase {

    public enum Status {
        FILED, UPHELD, REJECTED
    }

    @Id
    public UUID id;

    public UUID resultId;

    public String planCode;

    public int year;

    public String unitCode;

    public String line;

    public String reason;

    public String evidence;

    public String filedBy;

    public Instant filedAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String ruling;

    public String ruledBy;

    public Instant ruledAt;
}
