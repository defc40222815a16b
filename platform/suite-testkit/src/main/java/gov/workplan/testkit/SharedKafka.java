package gov.workplan.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import gov.workplan.kafka.KafkaBrokerProcess;

/**
 * One real Kafka broker per test JVM, whatever the number of test classes, profiles and Quarkus
 * restarts. Quarkus may load this class more than once (one class loader per application start), so
 * the broker's address is kept in a JVM-wide system property rather than in a static field alone.
 */
public final class SharedKafka {

    private static final String ADDRESS_PROPERTY = "workplan.test.kafka.bootstrap";
    private static KafkaBrokerProcess broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        synchronized (System.class) {
            String running = System.getProperty(ADDRESS_PROPERTY);
            if (running != null) {
                return running;
            }
            Path dataDir = createTempDir();
            broker = KafkaBrokerProcess.onFreePorts(dataDir);
            long started = System.nanoTime();
            broker.start();
            System.out.printf("[suite-testkit] Kafka broker ready at %s in %d ms (data in %s)%n",
                    broker.bootstrapServers(), (System.nanoTime() - started) / 1_000_000, dataDir);
            KafkaBrokerProcess stopping = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping.kill();
                deleteQuietly(dataDir);
            }, "stop-test-kafka"));
            System.setProperty(ADDRESS_PROPERTY, broker.bootstrapServers());
            return broker.bootstrapServers();
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("workplan-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
