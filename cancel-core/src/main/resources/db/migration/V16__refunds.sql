-- What became of the refund a receipt promised. The portal never pays; the operator's billing does and says so
-- through the API. A refund is due from the cancellation on, overdue once the operator has let the configured days
-- pass without a word (overdue_since stays, so "paid late" can be told from "paid on time"), and paid or failed as
-- the operator reports it. Cancellations made before this table have no row: their receipts say only the amount.
CREATE TABLE refund (
    cancellation_id   BIGINT        PRIMARY KEY REFERENCES cancellation (id),
    amount            NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    currency          CHAR(3)       NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('DUE', 'OVERDUE', 'PAID', 'FAILED')),
    due_since         TIMESTAMPTZ   NOT NULL,
    due_by            TIMESTAMPTZ   NOT NULL,
    overdue_since     TIMESTAMPTZ,
    paid_on           DATE,
    payment_reference VARCHAR(100),
    failure_reason    VARCHAR(500),
    confirmed_at      TIMESTAMPTZ,
    confirmed_by      VARCHAR(320),
    CHECK (status <> 'PAID' OR (paid_on IS NOT NULL AND confirmed_at IS NOT NULL)),
    CHECK (status <> 'FAILED' OR (failure_reason IS NOT NULL AND confirmed_at IS NOT NULL))
);
CREATE INDEX refund_due_by_idx ON refund (due_by) WHERE status = 'DUE';
CREATE INDEX refund_attention_idx ON refund (status, due_by) WHERE status IN ('OVERDUE', 'FAILED');
