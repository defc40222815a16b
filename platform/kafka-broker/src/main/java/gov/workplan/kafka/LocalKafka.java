package gov.workplan.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (one process is both broker and controller).
 *
 * <p>Runs in the JVM that calls {@link #main}: the local run starts it with a data directory that
 * survives restarts; the test kit starts it as a child process through {@link KafkaBrokerProcess}.
 * Storage is formatted on first start only, so a restart keeps every topic and offset.
 *
 * <p>With {@code --sasl} it runs as the production cluster does: clients authenticate with SCRAM-SHA-512
 * and the standard authorizer allows only what ACLs grant; the one super user, {@code admin}, has the
 * password in the environment variable {@value #ADMIN_PASSWORD_ENV} (never on the command line, where
 * {@code ps} shows it). The controller listener authenticates the broker itself with PLAIN (KRaft cannot use
 * SCRAM there: its credentials live in the metadata the controller serves).
 *
 * <pre>
 * java -cp 'kafka-lib/*' gov.workplan.kafka.LocalKafka --data-dir DIR [--port 9092]
 *      [--controller-port 9093] [--sasl] [--exit-on-stdin-eof] [--set key=value ...]
 * </pre>
 */
public final class LocalKafka {

    /** The environment variable holding the super user's password in {@code --sasl} mode. */
    public static final String ADMIN_PASSWORD_ENV = "KAFKA_ADMIN_PASSWORD";
    /** The super user of a {@code --sasl} broker: the harness that creates topics, users and ACLs. */
    public static final String ADMIN_USER = "admin";
    public static final String SCRAM = "SCRAM-SHA-512";

    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path config = writeServerProperties(options);
        formatStorageIfNew(options, config);
        if (options.exitOnStdinEof) {
            // The parent (a test JVM) holds our stdin open; when it dies, even by SIGKILL, we follow.
            Thread watcher = new Thread(LocalKafka::exitWhenStdinCloses, "parent-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        kafka.Kafka.main(new String[] { config.toString() });
    }

    /** The broker's settings: single node, replication factors of 1, no rebalance delay. */
    static Map<String, String> serverProperties(Options o) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        String clients = o.sasl ? "SASL_PLAINTEXT" : "PLAINTEXT";
        p.put("listeners", clients + "://" + o.host + ":" + o.port + ",CONTROLLER://" + o.host + ":" + o.controllerPort);
        p.put("advertised.listeners", clients + "://" + o.host + ":" + o.port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", clients);
        p.put("listener.security.protocol.map", clients + ":" + clients + ",CONTROLLER:" + clients);
        if (o.sasl) {
            String password = o.adminPassword();
            p.put("sasl.enabled.mechanisms", SCRAM);
            p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
            p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + ADMIN_USER
                            + "\" password=\"" + password + "\";");
            p.put("sasl.mechanism.controller.protocol", "PLAIN");
            p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.controller.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN_USER
                            + "\" password=\"" + password + "\" user_" + ADMIN_USER + "=\"" + password + "\";");
            p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.put("super.users", "User:" + ADMIN_USER);
            p.put("allow.everyone.if.no.acl.found", "false");
            // As with Strimzi's KafkaTopics: topics exist because they are declared, not because a client named one.
            p.put("auto.create.topics.enable", "false");
        }
        p.put("controller.quorum.bootstrap.servers", o.host + ":" + o.controllerPort);
        p.put("log.dirs", o.dataDir.resolve("log").toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.putIfAbsent("auto.create.topics.enable", "true");
        p.putAll(o.overrides);
        return p;
    }

    private static Path writeServerProperties(Options o) throws IOException {
        Files.createDirectories(o.dataDir);
        StringBuilder text = new StringBuilder("# Written by gov.workplan.kafka.LocalKafka at every start.\n");
        serverProperties(o).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = o.dataDir.resolve("server.properties");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void formatStorageIfNew(Options o, Path config) {
        if (Files.exists(o.dataDir.resolve("log").resolve("meta.properties"))) {
            return;
        }
        List<String> format = new ArrayList<>(List.of("format", "--cluster-id", Uuid.randomUuid().toString(), "--config",
                config.toString(), "--standalone"));
        if (o.sasl) {
            // the super user's SCRAM credentials must exist before the broker serves anyone
            format.addAll(List.of("--add-scram", SCRAM + "=[name=" + ADMIN_USER + ",password=" + o.adminPassword() + "]"));
        }
        int rc = kafka.tools.StorageTool.execute(format.toArray(String[]::new), new PrintStream(System.out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + o.dataDir + " failed with code " + rc);
        }
    }

    private static void exitWhenStdinCloses() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // nothing to read; we only wait for end of stream
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, same as end of stream
        }
        Runtime.getRuntime().halt(0);
    }

    record Options(Path dataDir, String host, int port, int controllerPort, boolean exitOnStdinEof, boolean sasl,
            Map<String, String> overrides) {

        String adminPassword() {
            String password = System.getenv(ADMIN_PASSWORD_ENV);
            if (password == null || !password.matches("[A-Za-z0-9]{16,}")) {
                throw new IllegalArgumentException("--sasl needs the super user's password in " + ADMIN_PASSWORD_ENV
                        + ": at least 16 letters or digits");
            }
            return password;
        }

        static Options parse(String[] args) {
            Path dataDir = null;
            String host = "127.0.0.1";
            int port = 9092;
            Integer controllerPort = null;
            boolean exitOnEof = false;
            boolean sasl = false;
            Map<String, String> overrides = new LinkedHashMap<>();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String arg = rest.remove(0);
                switch (arg) {
                    case "--data-dir" -> dataDir = Path.of(value(arg, rest));
                    case "--host" -> host = value(arg, rest);
                    case "--port" -> port = Integer.parseInt(value(arg, rest));
                    case "--controller-port" -> controllerPort = Integer.parseInt(value(arg, rest));
                    case "--exit-on-stdin-eof" -> exitOnEof = true;
                    case "--sasl" -> sasl = true;
                    case "--set" -> {
                        String kv = value(arg, rest);
                        int eq = kv.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--set wants key=value, got " + kv);
                        }
                        overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            return new Options(dataDir, host, port, controllerPort == null ? port + 1 : controllerPort, exitOnEof,
                    sasl, overrides);
        }

        private static String value(String flag, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return rest.remove(0);
        }
    }
}
