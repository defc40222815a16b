package gov.workplan.common.audit;

/** How an audited request ended. */
public enum AuditOutcome {
    /** The write was carried out. */
    SUCCESS,
    /** The write was refused for its content (4xx other than 401/403): nothing changed. */
    REJECTED,
    /** The caller is known but its role or unit does not allow this (403). */
    DENIED,
    /** No valid token: missing, forged, expired (401). */
    UNAUTHENTICATED,
    /** A fault of ours (5xx): nothing changed. */
    FAILED;

    public static AuditOutcome of(int status) {
        if (status == 401) {
            return UNAUTHENTICATED;
        }
        if (status == 403) {
            return DENIED;
        }
        if (status >= 500) {
            return FAILED;
        }
        return status >= 400 ? REJECTED : SUCCESS;
    }
}
