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
 * <pre>
 * java -cp 'kafka-lib/*' gov.workplan.kafka.LocalKafka --data-dir DIR [--port 9092]
 *      [--controller-port 9093] [--exit-on-stdin-eof] [--set key=value ...]
 * </pre>
 */
public final class LocalKafka {

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
        p.put("listeners", "PLAINTEXT://" + o.host + ":" + o.port + ",CONTROLLER://" + o.host + ":" + o.controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + o.host + ":" + o.port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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
        p.put("auto.create.topics.enable", "true");
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
        String[] format = { "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(),
                "--standalone" };
        int rc = kafka.tools.StorageTool.execute(format, new PrintStream(System.out, true, StandardCharsets.UTF_8));
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

    record Options(Path dataDir, String host, int port, int controllerPort, boolean exitOnStdinEof,
            Map<String, String> overrides) {

        static Options parse(String[] args) {
            Path dataDir = null;
            String host = "127.0.0.1";
            int port = 9092;
            Integer controllerPort = null;
            boolean exitOnEof = false;
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
                    overrides);
        }

        private static String value(String flag, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return rest.remove(0);
        }
    }
}
