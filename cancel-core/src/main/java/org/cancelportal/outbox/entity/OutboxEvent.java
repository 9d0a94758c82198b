package org.cancelportal.outbox.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** A fact other parts of the system must learn about, stored with the change that caused it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    private UUID id;

    @Column(name = "aggregate_type")
    private String aggregateType;

    @Column(name = "aggregate_id")
    private String aggregateId;

    @Column(name = "event_type")
    private String eventType;

    private String payload;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    /** Its place in line among all events: the order they were published in, which times alone cannot tell. */
    private long position;

    /** The W3C trace context of the transaction that wrote it; null when tracing was off. */
    private String traceparent;

    protected OutboxEvent() {
    }

    public OutboxEvent(String aggregateType, String aggregateId, String eventType, String payload, Instant occurredAt,
                       long position) {
        this.id = UUID.randomUUID();
        this.position = position;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.eventType = eventType;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }

    public String getTraceparent() {
        return traceparent;
    }

    public void tracedBy(String traceparent) {
        this.traceparent = traceparent;
    }

    public UUID getId() {
        return id;
    }

    public String getAggregateType() {
        return aggregateType;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    /** The payload as the JSON object it was published as. */
    public JsonObject payloadObject() {
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    public long getPosition() {
        return position;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
