package gov.workplan.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import gov.workplan.common.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, in write order, and marks them published once the
 * broker has acknowledged them (acks=all, idempotent producer).
 *
 * <p>Delivery is at least once: a crash after the ack but before the mark sends the same event
 * again with the same id, and consumers deduplicate by id. Nothing is lost, because a row stays
 * unpublished until acknowledged. With several replicas, a PostgreSQL advisory lock lets one relay
 * publish at a time, which keeps each key's events in order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: the key of the advisory lock that elects the publishing replica. */
    private static final long RELAY_LOCK = 7_303_178_470_202_411L;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @ConfigProperty(name = "suite.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "suite.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "suite.outbox.ack-timeout", defaultValue = "PT20S")
    Duration ackTimeout;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracing tracing;

    /** Events written but not yet acknowledged by the broker, as this replica last saw them. */
    private final AtomicLong pending = new AtomicLong();

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile long lastBeat = System.nanoTime();
    private Thread worker;

    void start(@Observes StartupEvent event) {
        registry.gauge("workplan.outbox.pending", pending);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(ackTimeout.toSeconds() + 5));
        }
    }

    /** A writer committed: publish now rather than at the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp.release();
    }

    /**
     * Alive while its thread runs and has gone round its loop lately (a batch waits at most the ack timeout,
     * a back-off at most 15 s); liveness reports it, so a relay that stopped is a restarted pod, not silence.
     */
    public boolean alive(Duration staleAfter) {
        return worker != null && worker.isAlive()
                && System.nanoTime() - lastBeat < staleAfter.toNanos() + ackTimeout.toNanos();
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            lastBeat = System.nanoTime();
            try {
                int published = publishBatch();
                backoffMillis = 0;
                if (published < batchSize) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // Any failure of one batch, an Error too (a StackOverflowError in a serializer, an OOM of one
                // oversized batch): the rows stay unpublished and the relay tries again. An OOM of the whole
                // JVM ends the process instead (-XX:+ExitOnOutOfMemoryError), and the pod restarts.
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 250), 15_000);
                LOG.warnf("outbox: publishing failed, retrying in %d ms: %s", backoffMillis, e.toString());
                sleepQuietly(backoffMillis);
            }
        }
    }

    /** Publishes the oldest unpublished rows; returns how many, 0 when another replica holds the lock. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) ackTimeout.toSeconds() + 30).call(() -> {
            Boolean elected = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(elected)) {
                return 0;
            }
            List<OutboxEvent> batch = OutboxEvent.<OutboxEvent> find("publishedAt is null order by seq")
                    .page(0, batchSize)
                    .list();
            if (batch.isEmpty()) {
                pending.set(0);
                return 0;
            }
            // Send outside the transaction: context propagation would otherwise enlist the producer's
            // callback threads in it, and Narayana refuses to commit a transaction other threads are in.
            // The suspended transaction keeps its connection, and with it the relay lock.
            QuarkusTransaction.suspendingExisting().run(() -> {
                List<Uni<Void>> acks = batch.stream().map(this::send).toList();
                Uni.join().all(acks).andFailFast().await().atMost(ackTimeout);
            });
            var now = clock.instant();
            batch.forEach(row -> {
                row.publishedAt = now;
                registry.counter("workplan.events.published", "topic", row.topic, "type", row.eventType).increment();
            });
            // A batch that was not full took every row committed before it was read; counting what arrived since
            // would cost a statement per batch for a gauge the next poll corrects.
            pending.set(batch.size() < batchSize ? 0 : Math.max(0, unpublished() - batch.size()));
            return batch.size();
        });
    }

    private long unpublished() {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where published_at is null")
                .getSingleResult()).longValue();
    }

    private Uni<Void> send(OutboxEvent row) {
        // Events written by traced work continue its trace; the rest (seed loads, scheduled jobs) go untraced.
        Span span = row.traceParent == null ? Span.getInvalid()
                : tracing.producerSpan(row.topic, row.id.toString(), row.eventType, row.traceParent);
        List<RecordHeader> headers = new ArrayList<>(List.of(
                header("event-id", row.id.toString()),
                header("event-type", row.eventType),
                header("schema-version", String.valueOf(row.schemaVersion))));
        if (span.getSpanContext().isValid()) {
            headers.add(header(Tracing.TRACEPARENT, Tracing.traceparent(span)));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(row.topic)
                .withKey(row.eventKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.envelope).addMetadata(metadata)).onItemOrFailure()
                .invoke((ok, failure) -> {
                    if (failure != null) {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR);
                    }
                    span.end();
                });
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
