-- An optional single reminder carries links of its own; the invitation's links keep working.
ALTER TABLE survey_invitation ADD COLUMN reminder_sent_at TIMESTAMPTZ;
ALTER TABLE survey_invitation ADD COLUMN reminder_token_hash CHAR(64) UNIQUE;
ALTER TABLE survey_invitation ADD COLUMN reminder_opt_out_hash CHAR(64) UNIQUE;
