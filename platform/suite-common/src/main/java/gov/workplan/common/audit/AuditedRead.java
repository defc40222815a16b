package gov.workplan.common.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that is audited like a write: it answers with personal data (an officer's phone and e-mail), so who
 * read it, when and from where is kept ({@link AuditFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRead {
}
