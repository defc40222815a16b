package gov.workplan.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A fingerprint of the data of the service under test: per table, its row count and the newest
 * transaction that wrote one of its rows (PostgreSQL's {@code xmin}), so any committed insert, update
 * or delete changes it. The audit trail is left out — a refused request is audited, as it should be —
 * and so are the bookkeeping tables (migrations, consumed event ids); of the outbox only the count
 * counts, since the relay marks rows published.
 */
public final class DatabaseState {

    private static final Set<String> NOT_DATA = Set.of("audit_entry", "processed_event", "flyway_schema_history");

    private DatabaseState() {
    }

    public static String fingerprint() {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement s = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = current_schema() "
                    + "order by tablename")) {
                while (rs.next()) {
                    if (!NOT_DATA.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            List<String> parts = new ArrayList<>();
            for (String t : tables) {
                parts.add("'" + t + "=' || (select count(*) || (case when '" + t + "' = 'outbox_event' then '' else '/' "
                        + "|| coalesce(max(xmin::text::bigint), 0) end) from \"" + t + "\")");
            }
            try (ResultSet rs = s.executeQuery("select " + String.join(" || ' ' || ", parts))) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the service's database", e);
        }
    }
}
