-- A declaration on the public form that would end access at once, or could not be undone, is not carried out on the
-- word of whoever typed it: it waits until someone follows the confirmation link sent to the account's own address
-- (or support resolves it). The link is bound to one subscription and one mode and works until confirm_until.
-- confirmation_withheld: the confirmation of what was sent was not emailed, because the typed address had received
-- its share of such emails within the window (the page says so).
ALTER TABLE cancellation_declaration
    ADD COLUMN confirm_subscription_id BIGINT REFERENCES subscription (id),
    ADD COLUMN confirm_mode            VARCHAR(16) CHECK (confirm_mode IN ('END_OF_PERIOD', 'IMMEDIATE')),
    ADD COLUMN confirm_until           TIMESTAMPTZ,
    ADD COLUMN confirmed_at            TIMESTAMPTZ,
    ADD COLUMN confirmation_withheld   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT cancellation_declaration_confirm_complete CHECK (
        (confirm_subscription_id IS NULL AND confirm_mode IS NULL AND confirm_until IS NULL)
        OR (confirm_subscription_id IS NOT NULL AND confirm_mode IS NOT NULL AND confirm_until IS NOT NULL)),
    ADD CONSTRAINT cancellation_declaration_confirmed_by_link CHECK (
        confirmed_at IS NULL OR (confirm_until IS NOT NULL AND status = 'CANCELLED'));

COMMENT ON TABLE login_throttle IS 'Attempts counted per key over a short window: failed sign-ins per account'
    ' and per address, public cancellation declarations per address, confirmation emails per recipient'
    ' (key prefixes tell them apart)';
