package gov.workplan.common.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On an event consumer: while the database is unavailable, the event is retried (in a new transaction
 * each time) instead of failing — a failed event would go to the dead-letter topic, and a database
 * restart would silently take events out of the flow. The partition waits meanwhile, so order holds.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface UntilDatabaseAvailable {
}
