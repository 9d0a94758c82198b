package org.cancelportal.trace.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries a trace across the outbox: the W3C traceparent of the span that wrote an event is stored with it, and the
 * work that handles the event later, on another thread or node, runs in a span that continues that trace. With
 * OpenTelemetry off (otel.sdk.disabled=true) there is no span: nothing is stored and the spans cost nothing.
 */
@ApplicationScoped
public class TraceContext {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Tracer tracer;

    /** The traceparent of the span running now; empty when none is. */
    public Optional<String> current() {
        return traceparent(Span.current());
    }

    /** A span that continues the trace the traceparent names (a new trace when there is none), made current. */
    public Traced continueTrace(String name, SpanKind kind, String traceparent) {
        Context parent = traceparent == null ? Context.root()
                : W3C.extract(Context.root(), Map.of("traceparent", traceparent), FROM_MAP);
        Span span = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
        return new Traced(span, span.makeCurrent());
    }

    static Optional<String> traceparent(Span span) {
        if (!span.getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(span), carrier, Map::put);
        return Optional.ofNullable(carrier.get("traceparent"));
    }

    /** A span and its scope: close it when the work is done; a failure is recorded on the span. */
    public static final class Traced implements AutoCloseable {

        private final Span span;
        private final Scope scope;

        Traced(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** The traceparent to send on to the next hop (a webhook receiver). */
        public Optional<String> traceparent() {
            return TraceContext.traceparent(span);
        }

        public void failed(String why) {
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, why);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
