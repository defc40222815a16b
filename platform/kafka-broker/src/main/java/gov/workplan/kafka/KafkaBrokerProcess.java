package gov.workplan.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Starts {@link LocalKafka} as a child process and manages it: wait until it answers, stop it
 * gracefully, kill it, start it again on the same ports and data.
 *
 * <p>A separate process rather than an in-JVM broker, so that a test can kill the broker for real
 * and so that tests and the local run start Kafka through the same code. The child exits on its own
 * when its parent dies.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final List<String> jvmOptions;
    /** The super user's password when clients must authenticate (SCRAM) and ACLs apply; null for plaintext. */
    private final String adminPassword;
    private Process process;

    public KafkaBrokerProcess(Path dataDir, int port, int controllerPort, String classpath, List<String> jvmOptions) {
        this(dataDir, port, controllerPort, classpath, jvmOptions, null);
    }

    private KafkaBrokerProcess(Path dataDir, int port, int controllerPort, String classpath, List<String> jvmOptions,
            String adminPassword) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.adminPassword = adminPassword;
    }

    /** A broker on two free loopback ports, run with this JVM's own classpath; anyone may do anything. */
    public static KafkaBrokerProcess onFreePorts(Path dataDir) {
        return new KafkaBrokerProcess(dataDir, freePort(), freePort(), System.getProperty("java.class.path"),
                List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"));
    }

    /**
     * A broker as production runs one: clients authenticate with SCRAM-SHA-512 and may do only what ACLs
     * grant them; {@link #clientConfig()} is the super user's (a fresh password for each broker).
     */
    public static KafkaBrokerProcess securedOnFreePorts(Path dataDir) {
        return new KafkaBrokerProcess(dataDir, freePort(), freePort(), System.getProperty("java.class.path"),
                List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"), Passwords.generate());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean secured() {
        return adminPassword != null;
    }

    /** What a client of the super user needs to connect: the bootstrap servers and, when secured, its login. */
    public Map<String, Object> clientConfig() {
        if (secured()) {
            return clientConfig(jaasConfig(LocalKafka.ADMIN_USER, adminPassword));
        }
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** What a client needs to connect as the user of this SCRAM-SHA-512 login ({@code sasl.jaas.config}). */
    public Map<String, Object> clientConfig(String jaasConfig) {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", LocalKafka.SCRAM);
        config.put("sasl.jaas.config", jaasConfig);
        return config;
    }

    /** A SCRAM login, as Strimzi writes it into a KafkaUser's Secret ({@code sasl.jaas.config}). */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker's process id, while it runs (-1 otherwise): for what the benchmark measures of it. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker and returns once it answers metadata requests. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("broker.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            command.add("-cp");
            command.add(classpath);
            command.add(LocalKafka.class.getName());
            command.addAll(List.of("--data-dir", dataDir.toString(), "--port", String.valueOf(port),
                    "--controller-port", String.valueOf(controllerPort), "--exit-on-stdin-eof"));
            if (secured()) {
                command.add("--sasl");
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (secured()) {
                builder.environment().put(LocalKafka.ADMIN_PASSWORD_ENV, adminPassword);
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker process", e);
        }
        awaitReady();
    }

    /** SIGTERM, as an orchestrator would send: the broker shuts down cleanly. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        waitFor(Duration.ofSeconds(60));
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        process = null;
    }

    /** SIGKILL: the broker dies mid-flight, as in a crash. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config = clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                            + " before it was ready; its log:\n" + logTail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still coming up; ask again below
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not answer within " + READY_TIMEOUT
                            + "; its log:\n" + logTail());
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private void waitFor(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("broker.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
