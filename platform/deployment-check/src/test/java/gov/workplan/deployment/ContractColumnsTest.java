package gov.workplan.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import gov.workplan.contracts.ContractField;
import gov.workplan.testkit.TestDatabase;

/**
 * Every column that stores a field crossing a service boundary is at least as wide as the contract's
 * limit for it: each service's Flyway migrations (its own and suite-common's) are run into a scratch
 * PostgreSQL database, exactly as the service would run them, and the widths are read back from
 * information_schema. A migration that narrows a column, or a consumer that copies a field into a
 * narrower one, fails here instead of parking events in production.
 */
class ContractColumnsTest {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    @Test
    void givenEveryServicesMigratedSchema_whenItsColumnsAreRead_thenEachColumnStoringAContractFieldIsAtLeastItsLimit()
            throws SQLException {
        Map<String, Map<String, Integer>> widths = new HashMap<>();
        for (String service : ServiceConfig.SERVICES) {
            widths.put(service.replace("-service", ""), migratedWidths(service));
        }
        List<String> failures = new ArrayList<>();
        for (ContractField field : ContractField.values()) {
            for (String at : field.storedIn()) {
                String service = at.substring(0, at.indexOf(':'));
                String column = at.substring(at.indexOf(':') + 1);
                Integer width = widths.getOrDefault(service, Map.of()).get(column);
                if (width == null) {
                    failures.add(field.field() + ": " + at + " is not a character column of " + service + "'s schema");
                } else if (width < field.maxLength()) {
                    failures.add(field.field() + " (at most " + field.maxLength() + " characters) is stored in " + at
                            + ", which holds " + width);
                }
            }
        }
        assertEquals(List.of(), failures, "columns narrower than the contract");
    }

    /** table.column → the longest string it holds (text: unlimited), after the service's own migrations. */
    private static Map<String, Integer> migratedWidths(String service) throws SQLException {
        String url = TestDatabase.fresh("contracts_" + service.replace("-service", ""));
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("filesystem:" + ServiceConfig.ROOT.resolve(service).resolve("src/main/resources/db/migration"),
                        "filesystem:" + ServiceConfig.ROOT.resolve("platform/suite-common/src/main/resources/db/suite-common"))
                .outOfOrder(true).placeholders(Map.of("service_user", TestDatabase.user())).load().migrate();
        Map<String, Integer> widths = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select table_name, column_name, data_type, character_maximum_length "
                        + "from information_schema.columns where table_schema = 'public' "
                        + "and data_type in ('character varying', 'character', 'text')")) {
            while (rs.next()) {
                int max = rs.getInt(4);
                boolean unlimited = rs.wasNull(); // text: no maximum
                widths.put(rs.getString(1) + "." + rs.getString(2), unlimited ? UNLIMITED : max);
            }
        }
        return widths;
    }
}
