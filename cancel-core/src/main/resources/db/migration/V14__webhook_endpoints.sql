-- Where an operator's systems hear what happened: webhook endpoints, each with the events it asked for and the secret
-- its deliveries are signed with (Standard Webhooks). While a secret is rotated, the one before keeps signing until
-- previous_secret_until, so a receiver can switch without losing a delivery.
CREATE TABLE webhook_endpoint (
    id                    UUID          PRIMARY KEY,
    operator_id           BIGINT        NOT NULL REFERENCES operator (id),
    url                   VARCHAR(2000) NOT NULL,
    description           VARCHAR(200)  NOT NULL DEFAULT '',
    event_types           TEXT          NOT NULL, -- space-separated event names
    enabled               BOOLEAN       NOT NULL DEFAULT TRUE,
    disabled_reason       VARCHAR(200),
    secret                VARCHAR(100)  NOT NULL,
    previous_secret       VARCHAR(100),
    previous_secret_until TIMESTAMPTZ,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_endpoint_operator_idx ON webhook_endpoint (operator_id, created_at);
