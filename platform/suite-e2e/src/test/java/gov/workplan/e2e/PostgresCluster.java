package gov.workplan.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's own PostgreSQL cluster, stopped and started as ops would (pg_ctlcluster), for the test
 * of a database restart under load. Only where that command and one cluster exist; loopback only.
 */
final class PostgresCluster {

    private static final Path CLUSTERS = Path.of("/etc/postgresql");

    private PostgresCluster() {
    }

    static boolean controllable() {
        return version() != null && Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "pg_ctlcluster")));
    }

    static void stop() {
        run("stop", "-m", "fast");
    }

    static void start() {
        run("start");
    }

    private static String version() {
        try (Stream<Path> versions = Files.list(CLUSTERS)) {
            List<Path> all = versions.filter(p -> Files.isDirectory(p.resolve("main"))).toList();
            return all.size() == 1 ? all.get(0).getFileName().toString() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void run(String action, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(),
                "main", action));
        command.addAll(List.of(options));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
