package gov.workplan.common.database;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import gov.workplan.common.events.InboundEvent;
import gov.workplan.common.events.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

/** Runs before (outside) the transaction interceptor, so each attempt is a transaction of its own. */
@UntilDatabaseAvailable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class UntilDatabaseAvailableInterceptor {

    private static final Logger LOG = Logger.getLogger(UntilDatabaseAvailableInterceptor.class);
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    @Inject
    MeterRegistry registry;

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        long backoff = 250;
        while (true) {
            try {
                return context.proceed();
            } catch (Exception e) {
                if (!DatabaseUnavailable.is(e)) {
                    countParked(context, e);
                    throw e;
                }
                LOG.warnf("database unavailable in %s; retrying in %d ms: %s", context.getMethod().getName(), backoff,
                        e.toString());
                Thread.sleep(backoff); // interrupted at shutdown: the event stays uncommitted and is redelivered
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * A consumer gave up on a record (anything but the database being away): the messaging layer parks it
     * on the dead-letter topic, or a re-drive leaves it there. Counted, so ops can alert on it.
     */
    private static String reason(Exception e) {
        if (e instanceof Inbox.UnknownSchemaVersion) {
            return "unknown-version";
        }
        return e instanceof InboundEvent.ContractViolation ? "contract" : "failed";
    }

    private void countParked(InvocationContext context, Exception e) {
        for (Object parameter : context.getParameters()) {
            if (parameter instanceof ConsumerRecord<?, ?> record) {
                registry.counter("workplan.events.parked", "topic", record.topic(), "reason", reason(e)).increment();
            }
        }
    }
}
