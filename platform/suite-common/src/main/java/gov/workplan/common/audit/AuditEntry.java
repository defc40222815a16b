package gov.workplan.common.audit;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audited request: every write and every refused access. Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant occurredAt;

    /** The token's subject, or "anonymous" when there was no valid token. */
    public String actor;

    public String roles;

    public String unitCode;

    /** Method and path, e.g. {@code POST /api/v1/plans/szfb-2010-98/targets/futian/scale.bio/2012/amendments}. */
    public String action;

    @Enumerated(EnumType.STRING)
    public AuditOutcome outcome;

    public int status;

    public String remoteAddress;
}
