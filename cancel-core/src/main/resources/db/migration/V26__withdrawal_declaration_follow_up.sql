-- A withdrawal declared on the public page waits like a cancellation declaration does: for the link to the account's
-- own address, which now has a fixed end (confirm_until), or for support, who carry it out as of its time of receipt
-- or close it with a note. confirmation_withheld: no email went to the typed address (and so no link to the account
-- it names, which is that same address), because that address had received its share of our emails within the window.
ALTER TABLE withdrawal_declaration
    ADD COLUMN status                VARCHAR(16)   NOT NULL DEFAULT 'OPEN'
        CHECK (status IN ('OPEN', 'WITHDRAWN', 'CLOSED')),
    ADD COLUMN confirm_until         TIMESTAMPTZ,
    ADD COLUMN confirmation_withheld BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN resolved_at           TIMESTAMPTZ,
    ADD COLUMN resolved_by           VARCHAR(320),
    ADD COLUMN resolution_note       VARCHAR(4000);

UPDATE withdrawal_declaration d SET status = 'WITHDRAWN', resolved_at = w.carried_out_at,
    resolved_by = 'confirmation link'
    FROM withdrawal w WHERE w.id = d.withdrawal_id;
-- declarations from before: their links were signed for withdrawal.confirm-link-days (7 by default) after sending
UPDATE withdrawal_declaration SET confirm_until = received_at + INTERVAL '7 days' WHERE subscription_id IS NOT NULL;

ALTER TABLE withdrawal_declaration
    ADD CONSTRAINT withdrawal_declaration_withdrawn_has_withdrawal
        CHECK ((status = 'WITHDRAWN') = (withdrawal_id IS NOT NULL)),
    ADD CONSTRAINT withdrawal_declaration_link_bound
        CHECK (confirm_until IS NULL OR subscription_id IS NOT NULL);

CREATE INDEX withdrawal_declaration_open_idx ON withdrawal_declaration (received_at) WHERE status = 'OPEN';
