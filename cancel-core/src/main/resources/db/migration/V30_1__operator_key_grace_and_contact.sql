-- A rotated key works only for a grace period (operator-keys.previous-key-grace) after the rotation that replaced
-- it; the operator's contact address hears of every rotation and revocation.
ALTER TABLE operator_api_key ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE operator ADD COLUMN contact_email VARCHAR(320);
