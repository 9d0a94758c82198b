package org.cancelportal.trace.control;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Every log record written while a span runs names its trace and span: Liberty's JSON records get {@code ext_traceId}
 * and {@code ext_spanId}, so a log collector leads from a warning to its trace and back. Liberty writes no trace id
 * into its message log by itself (mpTelemetry correlates only the records it sends to an OpenTelemetry collector);
 * {@link LogRecordContext} is the way it offers to add fields. The value is read on the thread that logs, when it
 * logs, so the records of requests, outbox deliveries and webhook calls all carry the span they ran in, and a record
 * written outside any span carries none.
 *
 * <p>Liberty keeps one extension per field for the whole server: the first of the two applications to start
 * registers them and they serve both (they read the same spans); the other finds them taken. The application that
 * registered them removes them when it stops.
 */
@ApplicationScoped
public class TraceLogFields {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    // Liberty holds an extension only through a weak reference: these fields keep them for as long as the bean lives.
    private final LogRecordContext.Extension traceId = () -> ofCurrentSpan(SpanContext::getTraceId);
    private final LogRecordContext.Extension spanId = () -> ofCurrentSpan(SpanContext::getSpanId);
    private final Set<String> registeredHere = new HashSet<>();

    void registerAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        register();
    }

    /** Adds the fields to the records of every thread, unless another application of this server already did. */
    public synchronized void register() {
        register(TRACE_ID, traceId);
        register(SPAN_ID, spanId);
    }

    @PreDestroy
    public synchronized void unregister() {
        registeredHere.forEach(LogRecordContext::unregisterExtension);
        registeredHere.clear();
    }

    private void register(String field, LogRecordContext.Extension extension) {
        if (registeredHere.contains(field)) {
            return;
        }
        try {
            LogRecordContext.registerExtension(field, extension);
            registeredHere.add(field);
        } catch (IllegalArgumentException takenByTheOtherApplication) {
            // its extension reads the same current span, so the records of this application carry the field too
        }
    }

    private static String ofCurrentSpan(Function<SpanContext, String> id) {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? id.apply(current) : null;
    }
}
