package gov.workplan.common.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

/**
 * Writes audit entries. Each entry is logged at once (category {@code audit}) and stored in the
 * service's database by a background writer in batches, so that auditing never slows a request or
 * blocks an I/O thread; a database outage delays the stored copy, it does not drop it.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger AUDIT_LOG = Logger.getLogger("audit");
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int BATCH = 500;

    private final BlockingQueue<AuditRecord> pending = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running;
    private volatile long lastBeat = System.nanoTime();
    private Thread writer;

    public void record(AuditRecord entry) {
        AUDIT_LOG.infof("actor=%s roles=%s unit=%s action=\"%s\" outcome=%s status=%d from=%s", entry.actor(),
                entry.roles(), entry.unit(), entry.action(), entry.outcome(), entry.status(), entry.remoteAddress());
        if (!pending.offer(entry)) {
            LOG.errorf("audit queue full: the entry above is only in the log (action %s)", entry.action());
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.interrupt();
            writer.join(5_000);
        }
        List<AuditRecord> rest = new ArrayList<>();
        pending.drainTo(rest);
        if (!rest.isEmpty()) {
            store(rest);
        }
    }

    /** Alive while its thread runs and has gone round its loop (a poll takes a second) lately. */
    public boolean alive(java.time.Duration staleAfter) {
        return writer != null && writer.isAlive() && System.nanoTime() - lastBeat < staleAfter.toNanos();
    }

    private void run() {
        List<AuditRecord> batch = new ArrayList<>();
        while (running) {
            lastBeat = System.nanoTime();
            try {
                if (batch.isEmpty()) {
                    AuditRecord first = pending.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    pending.drainTo(batch, BATCH - 1);
                }
                store(batch);
                batch.clear();
            } catch (InterruptedException e) {
                pending.addAll(batch);
                return;
            } catch (Throwable e) {
                // Keep the batch and try again: the database may be restarting. An Error of one batch does not
                // end the writer either; liveness watches that it keeps going round.
                LOG.warnf("audit: storing %d entries failed, retrying: %s", batch.size(), e.toString());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException interrupted) {
                    pending.addAll(batch);
                    return;
                }
            }
        }
    }

    private static void store(List<AuditRecord> batch) {
        QuarkusTransaction.requiringNew().run(() -> batch.forEach(entry -> entry.toEntity().persist()));
    }
}
