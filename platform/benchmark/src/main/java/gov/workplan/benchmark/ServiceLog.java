package gov.workplan.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a service wrote to its log as ops would collect it: one JSON object per line (prod profile),
 * among them the spans the OpenTelemetry SDK exported with {@code OTEL_TRACES_EXPORTER=logging-otlp}
 * (one OTLP/JSON document per line, in the message). Read by the end-to-end test and by the
 * benchmark's {@code --traces}.
 */
public final class ServiceLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One exported span; ids in hex, kind as OTLP numbers it (2 server, 4 producer, 5 consumer), start and
     * end in nanoseconds since the epoch (one clock for every process of a machine).
     */
    public record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
            long startNanos, long endNanos) {
        public static final int SERVER = 2;
        public static final int PRODUCER = 4;
        public static final int CONSUMER = 5;
    }

    private final Path file;

    public ServiceLog(Path file) {
        this.file = file;
    }

    /** The log lines (JSON objects) whose log context names the trace. */
    public List<JsonNode> linesOfTrace(String traceId) {
        return lines().stream().filter(l -> traceId.equals(l.path("mdc").path("traceId").asText())).toList();
    }

    public List<ExportedSpan> spansOfTrace(String traceId) {
        return spansByTrace().getOrDefault(traceId, List.of());
    }

    /** Every span the log holds, by trace id, in the order they were exported. */
    public Map<String, List<ExportedSpan>> spansByTrace() {
        Map<String, List<ExportedSpan>> spans = new LinkedHashMap<>();
        for (JsonNode line : lines()) {
            String message = line.path("message").asText();
            if (!message.startsWith("{") || !message.contains("\"scopeSpans\"")) {
                continue;
            }
            JsonNode resourceSpans = parse(message);
            if (resourceSpans == null) {
                continue;
            }
            String service = null;
            for (JsonNode a : resourceSpans.path("resource").path("attributes")) {
                if ("service.name".equals(a.path("key").asText())) {
                    service = a.path("value").path("stringValue").asText();
                }
            }
            for (JsonNode scope : resourceSpans.path("scopeSpans")) {
                for (JsonNode s : scope.path("spans")) {
                    String traceId = s.path("traceId").asText();
                    spans.computeIfAbsent(traceId, t -> new ArrayList<>()).add(new ExportedSpan(service, traceId,
                            s.path("spanId").asText(), s.path("parentSpanId").asText(), s.path("name").asText(),
                            s.path("kind").asInt(), s.path("startTimeUnixNano").asLong(), s.path("endTimeUnixNano").asLong()));
                }
            }
        }
        return spans;
    }

    private List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("{")) {
                    JsonNode node = parse(line);
                    if (node != null) {
                        lines.add(node);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null; // a line cut short while the service was writing it
        }
    }
}
