package gov.workplan.common.health;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import gov.workplan.common.audit.AuditTrail;
import gov.workplan.common.events.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The background workers every service runs — the outbox relay and the audit writer — must never stop
 * silently: if one's thread has ended or stopped going round its loop, liveness is DOWN and Kubernetes
 * restarts the pod (the rows they had not written yet are in the database or the log, nothing is lost).
 */
@Liveness
@ApplicationScoped
public class WorkersLiveness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "suite.workers.stale-after", defaultValue = "PT2M")
    Duration staleAfter;

    @Override
    public HealthCheckResponse call() {
        boolean relayAlive = relay.alive(staleAfter);
        boolean auditAlive = audit.alive(staleAfter);
        return HealthCheckResponse.named("background workers").status(relayAlive && auditAlive)
                .withData("outbox-relay", relayAlive ? "running" : "stopped")
                .withData("audit-writer", auditAlive ? "running" : "stopped").build();
    }
}
