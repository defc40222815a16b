package gov.workplan.common.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import jakarta.transaction.RollbackException;

class DatabaseUnavailableTest {

    private static SQLException terminatedByAdministrator() {
        return new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    }

    @Test
    void givenARefusedConnectionDeepInTheCauses_whenJudged_thenTheDatabaseIsUnavailable() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertTrue(DatabaseUnavailable.is(new IllegalStateException(new RuntimeException(refused))));
    }

    /** As logged when PostgreSQL restarted during a consumer's commit: the cause only in the suppressed. */
    @Test
    void givenACommitTheDatabaseCutOff_whenJudged_thenTheDatabaseIsUnavailable() {
        var xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(terminatedByAdministrator());
        var rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseUnavailable.is(new RuntimeException("Error invoking subclass method", rollback)));
    }

    /**
     * As logged in the end-to-end partition: a statement hung on a database that stopped answering, the
     * transaction reaper aborted the transaction, and the consumer's method ended with this.
     */
    @Test
    void givenATransactionTheReaperAbortedWhileAStatementHung_whenJudged_thenTheDatabaseIsUnavailable() {
        var notActive = new RollbackException("ARJUNA016102: The transaction is not active! Uid is 0:ffff7f000001:b0c5:539");
        assertTrue(DatabaseUnavailable.is(new RuntimeException("Error invoking subclass method", notActive)));
    }

    @Test
    void givenAConstraintViolation_whenJudged_thenItIsNotAnOutage() {
        var duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        var rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(duplicate);
        assertFalse(DatabaseUnavailable.is(rollback));
        assertFalse(DatabaseUnavailable.is(new IllegalArgumentException("event names no period")));
    }

    @Test
    void givenACauseChainThatLoops_whenJudged_thenTheAnswerStillComes() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(DatabaseUnavailable.is(a));
    }
}
