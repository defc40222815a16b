package gov.workplan.common.events;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event written in the same transaction as the change it announces (transactional outbox).
 * Rows are kept after publication: they are the owner's event history, for audit and replay. Only the
 * published mark ever changes — the service's database user may update nothing else.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Commit-independent order of writing; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(updatable = false)
    public String topic;

    @Column(name = "event_key", updatable = false)
    public String eventKey;

    @Column(name = "event_type", updatable = false)
    public String eventType;

    @Column(name = "schema_version", updatable = false)
    public int schemaVersion;

    @Column(name = "occurred_at", updatable = false)
    public Instant occurredAt;

    @Column(name = "plan_code", updatable = false)
    public String planCode;

    /** The envelope exactly as it is sent to Kafka. */
    @Column(updatable = false)
    public String envelope;

    /** The W3C traceparent of the work that wrote the event (null if untraced); its Kafka record carries it on. */
    @Column(name = "trace_parent", updatable = false)
    public String traceParent;

    public Instant publishedAt;
}
