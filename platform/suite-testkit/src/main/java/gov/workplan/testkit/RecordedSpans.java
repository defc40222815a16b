package gov.workplan.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The spans a service under test exported, kept in memory: the exporter {@code memory}
 * ({@code %test.otel.traces.exporter}), found by the OpenTelemetry SDK through its SPI. Holds the latest
 * spans only, so a long test run does not grow without bound.
 */
public final class RecordedSpans implements ConfigurableSpanExporterProvider {

    private static final int KEPT = 20_000;
    private static final Deque<SpanData> SPANS = new ArrayDeque<>();

    @Override
    public String getName() {
        return "memory";
    }

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                synchronized (SPANS) {
                    for (SpanData span : spans) {
                        if (SPANS.size() == KEPT) {
                            SPANS.removeFirst();
                        }
                        SPANS.addLast(span);
                    }
                }
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    /** A fresh W3C traceparent, as a calling system would send it: version 00, sampled. */
    public static String newTraceparent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    /** A fresh trace id (32 hex digits). */
    public static String newTraceId() {
        return hex(16);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Every kept span of the trace. */
    public static List<SpanData> ofTrace(String traceId) {
        synchronized (SPANS) {
            return SPANS.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
        }
    }

    /** Waits until a span matching {@code wanted} has been exported; returns it. */
    public static SpanData await(Predicate<SpanData> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (SPANS) {
                for (SpanData span : SPANS) {
                    if (wanted.test(span)) {
                        return span;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such span exported within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
