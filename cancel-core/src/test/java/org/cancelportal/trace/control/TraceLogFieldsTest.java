package org.cancelportal.trace.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Liberty asks for on each log record: the current span's ids, nothing outside a span, and one owner per field. */
class TraceLogFieldsTest {

    private static final SpanContext REQUEST = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());

    private final TraceLogFields first = new TraceLogFields();
    private final TraceLogFields second = new TraceLogFields();

    @AfterEach
    void stop() {
        first.unregister();
        second.unregister();
    }

    @Test
    void aRecordWrittenWhileASpanRunsNamesItsTraceAndSpan() {
        first.register();

        try (Scope ignored = Span.wrap(REQUEST).makeCurrent()) {
            Map<String, String> fields = fieldsOfARecordNow();
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", fields.get("traceId"));
            assertEquals("00f067aa0ba902b7", fields.get("spanId"));
        }
        assertFalse(fieldsOfARecordNow().containsKey("traceId"), "a record outside any span names none");
    }

    @Test
    void theSecondApplicationFindsTheFieldsTakenAndTheyStayWhenItStops() {
        first.register();
        second.register();
        second.unregister();

        try (Scope ignored = Span.wrap(REQUEST).makeCurrent()) {
            assertEquals(REQUEST.getTraceId(), fieldsOfARecordNow().get("traceId"));
        }
        first.unregister();
        try (Scope ignored = Span.wrap(REQUEST).makeCurrent()) {
            assertFalse(fieldsOfARecordNow().containsKey("traceId"), "gone with the application that added them");
        }
    }

    private static Map<String, String> fieldsOfARecordNow() {
        Map<String, String> fields = new HashMap<>();
        LogRecordContext.getExtensions(fields);
        return fields;
    }
}
