package gov.workplan.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import gov.workplan.testkit.TestDatabase;

/** The counting proxy reads PostgreSQL's protocol as the services speak it: statements and round trips, exactly. */
class PostgresWireTest {

    @Test
    void givenStatementsOneByOneAndABatch_whenSentThroughTheProxy_thenEachStatementAndEachRoundTripIsCounted() throws Exception {
        URI server = URI.create(TestDatabase.ensure("benchmark_test").substring("jdbc:".length()));
        PostgresWire wire = new PostgresWire();
        try (TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort(), wire);
                Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()
                        + "?sslmode=disable", TestDatabase.user(), TestDatabase.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table counted (n int)");
            }
            long statements = wire.statements();
            long roundTrips = wire.roundTrips();
            try (PreparedStatement insert = c.prepareStatement("insert into counted values (?)")) {
                insert.setInt(1, 1);
                insert.executeUpdate();
                for (int i = 0; i < 5; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            assertEquals(1 + 5, wire.statements() - statements, "one insert, then a batch of five");
            assertEquals(2, wire.roundTrips() - roundTrips, "the batch went in one round trip");
        }
    }
}
