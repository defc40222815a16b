package gov.workplan.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
