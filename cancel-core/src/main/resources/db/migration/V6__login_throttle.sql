-- Failed sign-ins, counted per account and per client address over a short window. A key over its limit is refused
-- for a few minutes: long enough to stop guessing, short enough never to lock the real owner out for long.
CREATE TABLE login_throttle (
    throttle_key      VARCHAR(400) PRIMARY KEY,
    failures          INT          NOT NULL,
    window_started_at TIMESTAMPTZ  NOT NULL,
    blocked_until     TIMESTAMPTZ
);
