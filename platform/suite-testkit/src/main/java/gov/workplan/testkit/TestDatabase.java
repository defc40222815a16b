package gov.workplan.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The real PostgreSQL of our machines (127.0.0.1:5432, trust auth), one database per service's
 * tests, created if missing. TEST_DB_HOST, TEST_DB_PORT, TEST_DB_USER and TEST_DB_PASSWORD point
 * elsewhere.
 */
public final class TestDatabase {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private TestDatabase() {
    }

    /** Creates the database if it does not exist and returns its JDBC URL. */
    public static String ensure(String database) {
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        String server = "jdbc:postgresql://" + env("TEST_DB_HOST", "127.0.0.1") + ":" + env("TEST_DB_PORT", "5432") + "/";
        try (Connection admin = DriverManager.getConnection(server + "postgres", user(), password());
                PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = admin.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a parallel run: fine
                throw new IllegalStateException("PostgreSQL is not reachable at " + server
                        + " (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
            }
        }
        return server + database;
    }

    /** Drops the database if it exists (closing its sessions) and creates it empty; returns its JDBC URL. */
    public static String fresh(String database) {
        String url = ensure(database);
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user(), password());
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + database, e);
        }
        return url;
    }

    /**
     * A service's database as production has it: a fresh database owned by {@code <database>_owner}, who
     * migrates it, and {@code <database>_service}, the user the service runs as (its rights are granted by
     * the migrations themselves); nobody else may connect. Both roles are created if missing.
     */
    public static Roles freshWithRoles(String database) {
        String url = fresh(database);
        Roles roles = new Roles(url, database + "_owner", database + "_service");
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user(), password());
                Statement s = admin.createStatement()) {
            for (String role : List.of(roles.owner(), roles.service())) {
                s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then "
                        + "create role " + role + " login password '" + Roles.PASSWORD + "'; end if; end $$");
            }
            s.execute("alter database " + database + " owner to " + roles.owner());
            s.execute("revoke all on database " + database + " from public");
            s.execute("grant connect on database " + database + " to " + roles.owner() + ", " + roles.service());
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the users of database " + database, e);
        }
        return roles;
    }

    /** A database and its two users; {@code PASSWORD} is theirs (trust authentication on our machines ignores it). */
    public record Roles(String url, String owner, String service) {
        public static final String PASSWORD = "test-only-password";
    }

    public static String user() {
        return env("TEST_DB_USER", "postgres");
    }

    public static String password() {
        return env("TEST_DB_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
