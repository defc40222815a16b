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
    /**
     * The openings of reporting windows among them: the watch announces one for each plan and period whenever its
     * time comes (for a plan imported mid-scenario, within its interval), so a count of a scenario's report events
     * leaves them out.
     */
    private static final String OPENINGS = COMMITTED + " and event_type = 'period.opened'";

    /** What reporting committed ({@code openings} among it), what assessment never applied, and what it applied unasked. */
    public record Result(Set<String> committed, Set<String> openings, Set<String> lost, Set<String> unexpected) {

        /** The events about reports and units — every committed one but the openings of reporting windows. */
        public int reportEvents() {
            return committed.size() - openings.size();
        }
    }

    private DeliveryChecker() {
    }

    /** How many events reporting has committed to workplan.reporting so far. */
    public static int committed(String reportingDatabase) {
        return ids(reportingDatabase, COMMITTED).size();
    }

    /** How many events reporting has committed to workplan.reporting so far, the openings of windows left out. */
    public static int reportEvents(String reportingDatabase) {
        return ids(reportingDatabase, COMMITTED + " and event_type <> 'period.opened'").size();
    }

    /** Waits (up to {@code patience}) until assessment applied everything reporting committed, then compares. */
    public static Result check(String reportingDatabase, String assessmentDatabase, Duration patience) {
        Set<String> openings = ids(reportingDatabase, OPENINGS); // first: every opening read is then among committed
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
        return new Result(committed, openings, lost, unexpected);
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
