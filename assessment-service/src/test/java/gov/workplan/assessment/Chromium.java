package gov.workplan.assessment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import gov.workplan.testkit.EventFixtures;

/**
 * Real headless Chromium, driven through Debian's chromedriver by the W3C WebDriver protocol (plain
 * JSON over HTTP: open a page, run a script, read the answer). A few calls are all the page test
 * needs, so the JDK's HTTP client does it instead of a browser-automation library. Paths:
 * CHROMIUM_BIN (default /usr/bin/chromium) and CHROMEDRIVER_BIN (default /usr/bin/chromedriver);
 * .ci/run installs both on a fresh machine.
 */
public final class Chromium implements AutoCloseable {

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;
    private final Path profile;

    /** A phone-sized browser (390 × 844 CSS pixels), as the public will often read the page. */
    public static Chromium phone() {
        return new Chromium(390, 844);
    }

    private Chromium(int width, int height) {
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
            throw new IllegalStateException("the browser test needs Chromium and ChromeDriver (" + chromium + ", "
                    + chromedriver + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            profile = Files.createTempDirectory("chromium-profile");
            driver = new ProcessBuilder(chromedriver, "--port=" + port).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            base = "http://127.0.0.1:" + port;
            awaitDriver();
            JsonNode created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                    "browserName", "chrome",
                    "goog:chromeOptions", Map.of("binary", chromium, "args", List.of("--headless=new", "--no-sandbox",
                            "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                            "--user-data-dir=" + profile),
                            "mobileEmulation", Map.of("deviceMetrics", Map.of("width", width, "height", height,
                                    "pixelRatio", 2)))))));
            session = created.path("value").path("sessionId").asText();
        } catch (IOException e) {
            throw new IllegalStateException("could not start chromedriver", e);
        }
    }

    public void open(String url) {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs a script in the page ({@code return ...}) and gives its value as JSON. */
    public JsonNode eval(String script) {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of()))
                .path("value");
    }

    /** Polls a script until it returns true; the page's own script draws the charts after load. */
    public void await(String condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eval("return !!(" + condition + ");").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page never satisfied: " + condition + "; body: "
                        + eval("return document.body.innerText;").asText());
            }
            sleep(100);
        }
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } finally {
            driver.destroy();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp profile left behind is harmless
            }
        }
    }

    private void awaitDriver() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            sleep(100);
        }
        throw new IllegalStateException("chromedriver did not become ready in 20 s");
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(EventFixtures.JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = EventFixtures.JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("WebDriver " + method + " " + path + " failed: " + response.body());
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("WebDriver " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
