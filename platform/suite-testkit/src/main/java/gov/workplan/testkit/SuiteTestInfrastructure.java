package gov.workplan.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real parts under every {@code @QuarkusTest} of a service: a Kafka broker (one per test JVM),
 * the service's PostgreSQL test database (created if missing) and the key that verifies test tokens.
 *
 * <p>A service registers it once, globally, with the name of its test database:
 * <pre>
 * &#64;WithTestResource(value = SuiteTestInfrastructure.class, scope = TestResourceScope.GLOBAL,
 *         initArgs = &#64;ResourceArg(name = "database", value = "targets_test"))
 * </pre>
 */
public class SuiteTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", SharedKafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", TestDatabase.ensure(database),
                "quarkus.datasource.username", TestDatabase.user(),
                "quarkus.datasource.password", TestDatabase.password(),
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The broker serves every test class of this JVM; SharedKafka stops it when the JVM exits.
    }
}
