package gov.workplan.common.database;

import jakarta.annotation.Priority;
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

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        long backoff = 250;
        while (true) {
            try {
                return context.proceed();
            } catch (Exception e) {
                if (!DatabaseUnavailable.is(e)) {
                    throw e;
                }
                LOG.warnf("database unavailable in %s; retrying in %d ms: %s", context.getMethod().getName(), backoff,
                        e.toString());
                Thread.sleep(backoff); // interrupted at shutdown: the event stays uncommitted and is redelivered
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }
}
