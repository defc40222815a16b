package gov.workplan.e2e;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.workplan.benchmark.ServiceProcess;
import gov.workplan.testkit.TestDatabase;

/**
 * The packaged service under the prod profile, as a deployment runs it: a demo clock (SUITE_CLOCK_START) would
 * shift every deadline, so the service refuses to start with one and says why.
 */
class ProductionProfileTest {

    @Test
    void givenTheProdProfileAndADemoClock_whenTheServiceStarts_thenItExitsAndSaysWhy() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/e2e/prod-profile"));
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.suiteEnvironment("127.0.0.1:9"));
        env.put("QUARKUS_PROFILE", "prod");
        env.put("DB_URL", TestDatabase.fresh("prod_profile_e2e"));
        ServiceProcess service = new ServiceProcess("reporting-service", env, dir);
        service.start();
        try {
            IllegalStateException exited = assertThrows(IllegalStateException.class,
                    () -> service.awaitReady(Duration.ofSeconds(90)));
            assertTrue(exited.getMessage().contains("exited"), exited.getMessage());
            String log = Files.readString(service.log());
            assertTrue(log.contains("is a demo clock and is refused under the prod profile"), log);
        } finally {
            if (service.isAlive()) {
                service.kill();
            }
        }
    }
}
