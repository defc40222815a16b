package gov.workplan.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central, unpacked by this module's build) with the suite's
 * realm ({@code platform/identity-provider/workplan-realm.json}) imported, its data in a PostgreSQL database.
 * The end-to-end tests get tokens from it exactly as portals and integrating systems would: officers by their
 * password (a test shortcut for the browser login), systems by client credentials. The realm's placeholders —
 * the users' password, the service client's secret — come from the environment given here, never from git.
 */
public final class KeycloakProcess implements AutoCloseable {

    public static final String REALM = "workplan";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("keycloak-(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Path home;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> options = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /**
     * @param home      the unpacked distribution ({@link #distribution(Path)})
     * @param realmFile the realm to import at the first start
     * @param jdbcUrl   its database (PostgreSQL); Keycloak creates its schema there
     * @param env       the realm's placeholders and anything else Keycloak reads from its environment
     */
    public KeycloakProcess(Path home, Path realmFile, String jdbcUrl, String dbUser, String dbPassword,
            Map<String, String> env, Path logDir) {
        this.home = home;
        this.port = freePort();
        this.managementPort = freePort();
        this.log = logDir.resolve("keycloak.log");
        this.env.putAll(env);
        this.env.put("JAVA_HOME", javaHome().toString());
        this.env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        this.env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + Long.toHexString(System.nanoTime()));
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addAll(List.of("start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--health-enabled=true", "--db=postgres",
                "--db-url=" + jdbcUrl, "--db-username=" + dbUser, "--db-password=" + dbPassword, "--import-realm",
                "--hostname-strict=false"));
    }

    /** The distribution unpacked under {@code module}/target/keycloak, the newest if several. */
    public static Path distribution(Path module) {
        Path unpacked = module.resolve("target/keycloak");
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(d -> VERSION.matcher(d.getFileName().toString()).matches()).max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no Keycloak under " + unpacked));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is unpacked by the build of platform/identity-provider ("
                    + unpacked + " is missing: ./mvnw package -pl platform/identity-provider)", e);
        }
    }

    /**
     * A JDK for Keycloak, which needs Java 21 or newer while the suite builds on 17: {@code KEYCLOAK_JAVA_HOME},
     * else the running JVM if new enough, else the newest 21+ JDK under /usr/lib/jvm.
     */
    public static Path javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(j -> feature(j).orElse(0) >= 21).max((a, b) -> feature(a).orElse(0) - feature(b).orElse(0))
                    .orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME"));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME", e);
        }
    }

    private static Optional<Integer> feature(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void start() {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    /** Until the realm answers its discovery document (the import is done by then). */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's issuer, as its tokens say and the services check. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** Where the realm publishes its signing keys (JWKS): what the services verify tokens with. */
    public String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public Path log() {
        return log;
    }

    /** An access token for a user of the realm, by the password grant of {@code client}. */
    public String userToken(String client, String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", client, "username", username, "password", password));
    }

    /** An access token for a confidential client itself (an integrating system), by client credentials. */
    public String clientToken(String client, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    /**
     * Rotates the realm's signing key as an administrator would: a new RSA key with a higher priority becomes
     * the one tokens are signed with; the old one stays published for the tokens already issued.
     */
    public void rotateSigningKey() {
        String admin = adminToken();
        JsonNode realm = call("GET", "/admin/realms/" + REALM, admin, null);
        String body = "{\"name\":\"rotated-" + System.currentTimeMillis() + "\",\"providerId\":\"rsa-generated\","
                + "\"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"" + realm.path("id").asText()
                + "\",\"config\":{\"priority\":[\"" + (200 + System.currentTimeMillis() % 1000) + "\"],"
                + "\"enabled\":[\"true\"],\"active\":[\"true\"],\"algorithm\":[\"RS256\"],\"keySize\":[\"2048\"]}}";
        call("POST", "/admin/realms/" + REALM + "/components", admin, body);
    }

    /** The key id ({@code kid}) a token was signed with. */
    public static String keyId(String token) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
                    .path("kid").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String adminToken() {
        return tokenFrom("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id",
                "admin-cli", "username", "admin", "password", env.get("KC_BOOTSTRAP_ADMIN_PASSWORD")));
    }

    private String token(Map<String, String> form) {
        return tokenFrom("/realms/" + REALM + "/protocol/openid-connect/token", form);
    }

    private String tokenFrom(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token request to " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, String path, String token, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            // kc.sh starts the JVM as its child: stop the JVM, not only the script.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
