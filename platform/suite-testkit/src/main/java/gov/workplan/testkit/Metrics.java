package gov.workplan.testkit;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the service's Prometheus text at /q/metrics, on its management interface. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of the samples of {@code name} whose labels include every {@code label="value"} given
     * (e.g. {@code "category=\"DISTRICT\""}); 0 when there is none yet.
     */
    public static double sum(String name, String... labels) {
        return sumIn(Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }

    /** The same, from a service whose management interface is at {@code baseUrl} (e.g. one started as a process). */
    public static double sumAt(String baseUrl, String name, String... labels) {
        return sumIn(given().when().get(baseUrl + "/q/metrics").then().statusCode(200).extract().asString(), name,
                labels);
    }

    private static double sumIn(String text, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)})? (\\S+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= m.group(1) != null && m.group(1).contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    /**
     * Waits (up to 30 s) until the sum reaches {@code atLeast} — meters count just after the work they
     * count, which a test may observe first — and returns it, so the caller can assert it exactly.
     */
    public static double awaitSum(double atLeast, String name, String... labels) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        double value = sum(name, labels);
        while (value < atLeast && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = sum(name, labels);
        }
        return value;
    }
}
