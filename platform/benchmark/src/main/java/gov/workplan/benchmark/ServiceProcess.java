package gov.workplan.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.workplan.testkit.TestDatabase;
import gov.workplan.testkit.TestTokens;

/**
 * One service as ops run it: {@code java -jar target/quarkus-app/quarkus-run.jar} in the prod profile,
 * configured only by environment variables, its output in a log file. Can be stopped (SIGTERM), killed
 * (SIGKILL, as a crash) and started again on the same port and database; reports what the operating
 * system sees of it (resident memory, CPU time) for the benchmark.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The repository's root: the nearest folder upwards holding the Maven wrapper and the services. */
    public static final Path ROOT = root();

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final String name;
    /** The repository (or a worktree of another commit) whose build of the service runs. */
    private final Path root;
    private final Map<String, String> env;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final List<String> jvmOptions;
    private Process process;

    public ServiceProcess(String name, Map<String, String> env, Path logDir) {
        this(name, env, logDir, List.of("-Xmx256m"));
    }

    public ServiceProcess(String name, Map<String, String> env, Path logDir, List<String> jvmOptions) {
        this(name, env, logDir, jvmOptions, ROOT);
    }

    /** A service of the build in {@code root}: this repository, or a worktree of another commit (benchmark --against). */
    public ServiceProcess(String name, Map<String, String> env, Path logDir, List<String> jvmOptions, Path root) {
        this.name = name;
        this.root = root;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        this.managementPort = freePort();
        this.env = new java.util.HashMap<>(env);
        this.env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        this.log = logDir.resolve(name + ".log");
    }

    /**
     * What every service of a local run needs from its environment, as the prod profile requires it: the
     * broker (plaintext, without users — a caller gives each service its own Kafka login for a secured one), the
     * database credentials (the machine's test database user, for the schema and the service alike), the
     * test token key and issuer, and a demo clock inside the seed plan (2011-Q2 due on 10 July 2011; no older
     * period flagged overdue), which takes the demo profile beside prod.
     */
    public static Map<String, String> suiteEnvironment(String bootstrapServers) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        env.put("DB_USER", TestDatabase.user());
        // trust authentication on our machines ignores it; the prod profile requires one
        env.put("DB_PASSWORD", TestDatabase.password().isEmpty() ? "unused" : TestDatabase.password());
        env.put("DB_MIGRATION_USER", env.get("DB_USER"));
        env.put("DB_MIGRATION_PASSWORD", env.get("DB_PASSWORD"));
        env.put("JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("JWT_ISSUER", TestTokens.ISSUER);
        env.put("SUITE_CLOCK_START", "2011-07-05T00:00:00Z");
        // The prod profile refuses a demo clock; the demo profile beside it is what lets a local run use one.
        env.put("QUARKUS_PROFILE", "prod,demo");
        env.put("REPORTING_OVERDUE_SINCE", "2011-07-01T00:00:00Z");
        return env;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics: the management interface, on a port of its own. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String name() {
        return name;
    }

    /** The file its output goes to (JSON lines in the prod profile). */
    public Path log() {
        return log;
    }

    public void start() {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the services are packaged before this test runs "
                    + "(./mvnw verify builds them first; alone: ./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As in the container: a JVM out of memory ends rather than limping on with dead threads.
        command.add("-XX:+ExitOnOutOfMemoryError");
        // As the image runs it: the classes its start loads, from the archive the build wrote (when this build has one).
        // The archive records the class path as the build ran it — quarkus-run.jar, from its own directory — and the JVM
        // ignores an archive whose class path differs; -Xshare:on makes that an error here, so a test proves it is used.
        if (Files.exists(jar.resolveSibling("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
            command.add("-Xshare:on");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Polls readiness (database and broker checked by the service itself) on the management port — or, for a build
     * from before health moved there (benchmark --against an older commit), on the API port.
     */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                for (String base : List.of(managementUrl(), url())) {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            return;
                        }
                    } catch (IOException e) {
                        // that port is not listening (yet)
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** A crash: SIGKILL, no shutdown hooks, nothing flushed or committed that was in flight. */
    public void kill() {
        process.destroyForcibly();
        await();
    }

    /** A graceful stop: SIGTERM, and wait until it has exited. */
    public void stop() {
        terminate();
        awaitExit();
    }

    /** SIGTERM, as Kubernetes sends it, without waiting: the service drains while the caller watches. */
    public void terminate() {
        process.destroy();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public void awaitExit() {
        await();
    }

    /** Resident memory now, in MiB (VmRSS). */
    public long rssMiB() {
        return status("VmRSS:") / 1024;
    }

    /** The most resident memory it ever had, in MiB (VmHWM). */
    public long peakRssMiB() {
        return status("VmHWM:") / 1024;
    }

    /** CPU time used so far, user and system, in milliseconds. */
    public long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // fields after the command name, which may itself hold spaces: state is field 3, utime 14, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Quarkus itself reported as its start time in the log ("started in 1.234s"), in seconds. */
    public double startedInSeconds() {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log));
            double last = Double.NaN;
            while (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("targets-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository: no folder upwards holds mvnw and the services");
    }

    private void await() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
