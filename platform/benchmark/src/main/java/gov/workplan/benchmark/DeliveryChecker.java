package gov.workplan.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import gov.workplan.testkit.TestDatabase;

/**
 * The history of what was accepted against what assessment counted: every event reporting-service
 * committed (its outbox) against every event assessment-service applied (its inbox,
 * one row per event id). Lost = committed but never applied; unexpected = applied but never committed.
 * The benchmark and the fault tests read their figures from it.
 */
public final class DeliveryChecker {

    /** Every event on workplan.reporting: assessment records each (an overdue notice also counts in its scores). */
    private static final String COMMITTED = "select id::text from outbox_event where topic = 'workplan.reporting'";
    private static final String APPLIED = "select event_id::text from processed_event where source = 'reporting-service'";

    public record Result(Set<String> committed, Set<String> lost, Set<String> unexpected) {
    }

    private DeliveryChecker() {
    }

    /** How many events reporting has committed to workplan.reporting so far. */
    public static int committed(String reportingDatabase) {
        return ids(reportingDatabase, COMMITTED).size();
    }

    /** Waits (up to {@code patience}) until assessment applied everything reporting committed, then compares. */
    public static Result check(String reportingDatabase, String assessmentDatabase, Duration patience) {
        Set<String> committed = ids(reportingDatabase, COMMITTED);
        long deadline = System.nanoTime() + patience.toNanos();
        while (!ids(assessmentDatabase, APPLIED).containsAll(committed) && System.nanoTime() < deadline) {
            ServiceProcess.sleep(100);
        }
        Set<String> applied = ids(assessmentDatabase, APPLIED);
        Set<String> lost = new HashSet<>(committed);
        lost.removeAll(applied);
        Set<String> unexpected = new HashSet<>(applied);
        unexpected.removeAll(committed);
        return new Result(committed, lost, unexpected);
    }

    public static Set<String> ids(String database, String sql) {
        try (Connection c = DriverManager.getConnection(TestDatabase.ensure(database), TestDatabase.user(),
                TestDatabase.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
