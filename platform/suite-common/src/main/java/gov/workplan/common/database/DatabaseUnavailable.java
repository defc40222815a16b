package gov.workplan.common.database;

import java.sql.SQLException;

/**
 * Tells a database that cannot be reached (down, restarting, refusing connections, pool exhausted
 * waiting for it) from everything else that can go wrong: the first is worth waiting out or answering
 * 503 Retry-After; the second is a bug or bad data.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean is(Throwable failure) {
        return is(failure, 0);
    }

    /**
     * Causes and suppressed exceptions both: a commit the database cut off arrives as Narayana's
     * RollbackException with no cause, the XAException and its PSQLException only as suppressed.
     */
    private static boolean is(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // The transaction reaper ended a transaction that outlived its timeout while a statement hung on a
            // database that stopped answering (a partition): the work is to be redone, not dead-lettered.
            if (t.getClass().getName().equals("jakarta.transaction.RollbackException") && t.getMessage() != null
                    && t.getMessage().startsWith("ARJUNA016102")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (is(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            // 08: connection exceptions; 57P01-57P03: admin or crash shutdown, cannot connect now
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // Agroal gives up waiting for a connection the database will not open
        return e.getMessage() != null && e.getMessage().contains("Acquisition timeout");
    }
}
