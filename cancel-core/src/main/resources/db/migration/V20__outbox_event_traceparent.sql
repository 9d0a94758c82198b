-- The W3C trace context (traceparent) of the transaction that wrote the event, so the relay's work on it, and the
-- emails and webhooks it causes, continue the trace of the request that caused it. Empty when tracing is off.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
