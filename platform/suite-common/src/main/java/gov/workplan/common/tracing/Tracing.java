package gov.workplan.common.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.MDC;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Traces across the suite (OpenTelemetry): one trace follows a change from the REST call that makes it,
 * through the outbox and Kafka, into the consumer that applies it. The context travels as a W3C
 * {@code traceparent}: an HTTP header coming in, a column of the outbox row, a Kafka record header.
 *
 * <p>Configured by the standard variables ({@code OTEL_TRACES_EXPORTER}, {@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_TRACES_SAMPLER}, ...) over the {@code otel.*} keys of the service's configuration; the
 * exporter is {@code none} unless ops choose one, so spans cost little and trace ids still reach the logs.
 */
@Startup // a wrong OTEL_* setting stops the start, rather than failing requests later
@ApplicationScoped
public class Tracing {

    /** The W3C Trace Context header, on HTTP requests and on Kafka records alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Function<String, String>> LOOKUP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    @Inject
    RequestTrace request;

    private OpenTelemetrySdk sdk;
    private Tracer tracer;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("otel.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name, value));
            }
        }
        settings.putIfAbsent("otel.service.name", config.getValue("quarkus.application.name", String.class));
        // The SDK's environment variables and system properties still win over these.
        // Exporters are found through the application's class loader (Quarkus's, which sees every jar).
        sdk = AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> settings).disableShutdownHook()
                .setServiceClassLoader(Thread.currentThread().getContextClassLoader()).build().getOpenTelemetrySdk();
        tracer = sdk.getTracer("gov.workplan.suite");
    }

    @PreDestroy
    void stop() {
        // Spans still batched are exported before the service exits.
        sdk.shutdown().join(10, TimeUnit.SECONDS);
    }

    /** The span of a REST request, a child of the caller's if it sent a traceparent. */
    public Span serverSpan(String method, String path, Function<String, String> headers) {
        return tracer.spanBuilder(method).setSpanKind(SpanKind.SERVER).setParent(extract(headers))
                .setAttribute("http.request.method", method).setAttribute("url.path", path).startSpan();
    }

    /** Publishing one outbox row, as a child of the traced change that wrote it ({@code writtenIn}). */
    public Span producerSpan(String topic, String eventId, String eventType, String writtenIn) {
        return tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(extract(name -> TRACEPARENT.equals(name) ? writtenIn : null))
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic).setAttribute("messaging.message.id", eventId)
                .setAttribute("workplan.event.type", eventType).startSpan();
    }

    /**
     * Runs a consumer's work for one record inside a span that continues the producer's trace; the
     * trace id is in the log context meanwhile. A failure is recorded on the span and rethrown.
     */
    public void process(ConsumerRecord<String, String> record, Runnable work) {
        Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(extract(name -> header(record, name)))
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.message.id", String.valueOf(header(record, "event-id")))
                .startSpan();
        try (Scope scope = span.makeCurrent(); LogContext log = LogContext.of(span)) {
            work.run();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The traceparent of the work in progress: a consumer's span on this thread, else the REST request's
     * (null when neither is traced, e.g. a scheduled job). The outbox keeps it with the event it writes.
     */
    public String currentTraceparent() {
        Span span = Span.current();
        if (!span.getSpanContext().isValid() && Arc.container().requestContext().isActive()) {
            span = request.span();
        }
        return span.getSpanContext().isValid() ? traceparent(span) : null;
    }

    /** The span's context as a traceparent value, to be carried to the next process. */
    public static String traceparent(Span span) {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    private static Context extract(Function<String, String> headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, LOOKUP);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The trace and span ids in the log context (JSON logs show them under {@code mdc}). */
    static final class LogContext implements AutoCloseable {

        private final Object traceId;
        private final Object spanId;

        private LogContext(SpanContext span) {
            traceId = MDC.put("traceId", span.getTraceId());
            spanId = MDC.put("spanId", span.getSpanId());
        }

        static LogContext of(Span span) {
            return new LogContext(span.getSpanContext());
        }

        @Override
        public void close() {
            restore("traceId", traceId);
            restore("spanId", spanId);
        }

        private static void restore(String key, Object previous) {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }
}
