package gov.workplan.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import gov.workplan.testkit.TestDatabase;

/**
 * A plan as reporting-service and assessment-service hold it, compared with its owner's, targets-service:
 * the units with a target or a task (the copies keep every unit, the plan's are those), indicators, targets
 * with their revisions, tasks and who is responsible for them; and the plan's opened reporting periods as
 * assessment holds them, compared with reporting-service's. Each copy holds
 * the columns it needs, so each comparison is of what the copy keeps. Every difference is returned as a
 * line saying which copy lacks or adds which row; none means the copies equal the owner's.
 */
public final class CopyChecker {

    /** One thing compared: the owner's rows and each copy's, as canonical text. */
    private record Aspect(String what, String owner, String reporting, String assessment) {
    }

    private static final List<Aspect> ASPECTS = List.of(
            new Aspect("indicator",
                    "select code || '|' || name_zh || '|' || unit_of_measure from indicator where plan_code = ?",
                    "select code || '|' || name_zh || '|' || unit_of_measure from indicator where plan_code = ?",
                    "select code || '|' || name_zh || '|' || unit_of_measure from indicator where plan_code = ?"),
            new Aspect("indicator name (en)",
                    "select code || '|' || name_en from indicator where plan_code = ?",
                    "select code || '|' || coalesce(name_en, '') from indicator where plan_code = ?", null),
            new Aspect("unit",
                    "select code || '|' || name_zh || '|' || name_en || '|' || category from unit where code in "
                            + "(select unit_code from target where plan_code = ? union select r.unit_code from "
                            + "task_responsibility r join task t on t.id = r.task_id where t.plan_code = ?)",
                    "select code || '|' || name_zh || '|' || name_en || '|' || category from unit where code in "
                            + "(select unit_code from target where plan_code = ? union select unit_code from task_responsibility "
                            + "where plan_code = ?)",
                    "select code || '|' || name_zh || '|' || coalesce(name_en, '') || '|' || category from unit where code in "
                            + "(select unit_code from target where plan_code = ? union select unit_code from task_responsibility "
                            + "where plan_code = ?)"),
            new Aspect("target",
                    "select t.unit_code || '|' || i.code || '|' || t.year || '|' || t.kind || '|' || t.value || '|' "
                            + "|| coalesce(t.max_value::text, '') || '|' || t.revision from target t "
                            + "join indicator i on i.id = t.indicator_id where t.plan_code = ?",
                    "select unit_code || '|' || indicator_code || '|' || year || '|' || kind || '|' || value || '|' "
                            + "|| coalesce(max_value::text, '') || '|' || revision from target where plan_code = ?",
                    "select unit_code || '|' || indicator_code || '|' || year || '|' || kind || '|' || value || '|' "
                            + "|| coalesce(max_value::text, '') || '|' || revision from target where plan_code = ?"),
            new Aspect("task",
                    "select code || '|' || coalesce(title, description, '') || '|' || coalesce(deadline::text, '') "
                            + "from task where plan_code = ?",
                    "select code || '|' || coalesce(title, '') || '|' || coalesce(deadline::text, '') from task "
                            + "where plan_code = ?",
                    "select code || '|' || coalesce(title, '') || '|' || coalesce(deadline::text, '') from task "
                            + "where plan_code = ?"),
            new Aspect("task responsibility",
                    "select t.code || '|' || r.unit_code || '|' || r.role from task_responsibility r "
                            + "join task t on t.id = r.task_id where t.plan_code = ?",
                    "select task_code || '|' || unit_code || '|' || role from task_responsibility where plan_code = ?",
                    "select task_code || '|' || unit_code || '|' || role from task_responsibility where plan_code = ?"));

    /**
     * What reporting-service owns and assessment copies beside the reports (which {@link DeliveryChecker} follows event
     * by event): the periods whose reporting window opened — each one assessment has computed for every unit.
     */
    private static final List<Aspect> OF_REPORTING = List.of(
            new Aspect("opened period",
                    "select period_code from period_notice where plan_code = ?", null,
                    "select period_code from period_deadline where plan_code = ? and opened_at is not null"));

    private CopyChecker() {
    }

    /**
     * {@code platform/bin/convergence-check PLAN [TARGETS_DB REPORTING_DB ASSESSMENT_DB]}: prints every
     * difference between the owner's plan and the copies (databases of the local run by default; TEST_DB_*
     * point at another server) and exits 1 if there is any.
     */
    public static void main(String[] args) {
        if (args.length != 1 && args.length != 4) {
            System.err.println("usage: convergence-check PLAN [TARGETS_DB REPORTING_DB ASSESSMENT_DB]");
            System.exit(2);
        }
        List<String> differences = args.length == 4 ? differences(args[0], args[1], args[2], args[3])
                : differences(args[0], "targets", "reporting", "assessment");
        differences.forEach(System.out::println);
        System.out.println(differences.isEmpty() ? "plan " + args[0] + ": reporting's and assessment's copies equal "
                + "targets-service's, and assessment's opened periods reporting-service's" : differences.size() + " difference(s) in the copies of plan " + args[0]);
        System.exit(differences.isEmpty() ? 0 : 1);
    }

    /** Every difference between the owner's plan and each copy, by database name; empty when they agree. */
    public static List<String> differences(String plan, String targetsDb, String reportingDb, String assessmentDb) {
        List<String> differences = new ArrayList<>();
        for (Aspect a : ASPECTS) {
            Set<String> owner = rows(targetsDb, a.owner(), plan);
            compare(differences, "reporting", a.what(), owner, a.reporting() == null ? null : rows(reportingDb, a.reporting(), plan));
            compare(differences, "assessment", a.what(), owner, a.assessment() == null ? null : rows(assessmentDb, a.assessment(), plan));
        }
        for (Aspect a : OF_REPORTING) {
            compare(differences, "assessment", a.what(), rows(reportingDb, a.owner(), plan), rows(assessmentDb, a.assessment(), plan));
        }
        return differences;
    }

    private static void compare(List<String> out, String copy, String what, Set<String> owner, Set<String> held) {
        if (held == null) {
            return;
        }
        Set<String> lacking = new TreeSet<>(owner);
        lacking.removeAll(held);
        Set<String> extra = new TreeSet<>(held);
        extra.removeAll(owner);
        lacking.forEach(r -> out.add(copy + " lacks " + what + " " + shorten(r)));
        extra.forEach(r -> out.add(copy + " has a " + what + " the owner has not: " + shorten(r)));
    }

    private static Set<String> rows(String database, String sql, String plan) {
        try (Connection c = DriverManager.getConnection(TestDatabase.ensure(database), TestDatabase.user(),
                TestDatabase.password()); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setString(i, plan);
            }
            Set<String> rows = new TreeSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + database + ": " + e.getMessage(), e);
        }
    }

    private static String shorten(String row) {
        return row.length() <= 160 ? row : row.substring(0, 160) + "… (" + row.length() + " characters)";
    }
}
