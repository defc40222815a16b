package gov.workplan.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Follows assessment-service's ranking stream as a portal would, and notes when each unit's new
 * ranking was first announced for a period: the moment a report is reflected in the ranking.
 */
final class RankingFollower implements AutoCloseable {

    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> firstSeenEpochNanos = new ConcurrentHashMap<>();
    private final Stream<String> lines;
    private volatile boolean ended;

    RankingFollower(HttpClient http, String assessmentUrl, String plan, String token, ObjectMapper json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(assessmentUrl + "/api/v1/rankings/stream?plan=" + plan))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the ranking stream answered " + response.statusCode());
        }
        lines = response.body();
        Thread reader = new Thread(() -> {
            try {
                lines.filter(l -> l.startsWith("data:")).forEach(l -> {
                    long now = System.nanoTime();
                    java.time.Instant wallClock = java.time.Instant.now();
                    try {
                        JsonNode change = json.readTree(l.substring(5));
                        if (change.hasNonNull("unit")) {
                            String key = key(change.get("period").asText(), change.get("unit").asText());
                            if (firstSeen.putIfAbsent(key, now) == null) {
                                firstSeenEpochNanos.put(key, wallClock.getEpochSecond() * 1_000_000_000L + wallClock.getNano());
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException("unreadable ranking change: " + l, e);
                    }
                });
            } catch (RuntimeException e) {
                // closed by us, or broken: either way it ends here
            }
            ended = true;
        }, "ranking-follower");
        reader.setDaemon(true);
        reader.start();
    }

    /** When the unit's ranking for the period was first announced (System.nanoTime), or null. */
    Long seen(String period, String unit) {
        if (ended) {
            throw new IllegalStateException("assessment-service ended the ranking stream; see its log");
        }
        return firstSeen.get(key(period, unit));
    }

    /** The same moment on the wall clock, in nanoseconds since the epoch, as the services' spans are stamped. */
    Long seenEpochNanos(String period, String unit) {
        return firstSeenEpochNanos.get(key(period, unit));
    }

    private static String key(String period, String unit) {
        return period + "|" + unit;
    }

    @Override
    public void close() {
        lines.close();
    }
}
