-- One row per event and endpoint: the exact body every attempt sends again under the same webhook-id, and when the
-- next attempt is due. The schedule lives here, in the database, so a restart loses none of it. Deliveries of one
-- subscription to one endpoint go out in the order their events happened (ordering_key, occurred_at).
CREATE TABLE webhook_delivery (
    id              VARCHAR(40)  PRIMARY KEY, -- the webhook-id, stable across retries
    endpoint_id     UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        UUID         NOT NULL REFERENCES outbox_event (id),
    event_type      VARCHAR(64)  NOT NULL,
    ordering_key    VARCHAR(100) NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (endpoint_id, ordering_key, occurred_at)
    WHERE status = 'PENDING';

-- What each attempt met: the status, how long it took, the first bytes of the answer, or why it failed.
CREATE TABLE webhook_attempt (
    delivery_id VARCHAR(40)  NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     INT          NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    status_code INT,
    latency_ms  INT          NOT NULL,
    response    VARCHAR(500),
    error       VARCHAR(500),
    PRIMARY KEY (delivery_id, attempt)
);
