-- A survey answer reaches the operator's webhooks (survey.response_received) once it can no longer change. An
-- anonymous answer names no subscriber or cancellation, so it keeps the operator it belongs to, which names no one,
-- to be routed at all. announce_after is when it may be announced (NULL: never), announced_at when it was handed to
-- the outbox; both are written by the application, which holds the rule for when (SurveyResponse.announceAfter).
ALTER TABLE survey_response ADD COLUMN operator_id BIGINT REFERENCES operator (id);
ALTER TABLE survey_response ADD COLUMN announce_after TIMESTAMPTZ;
ALTER TABLE survey_response ADD COLUMN announced_at TIMESTAMPTZ;

-- Derivable only where the answer still names its cancellation; an anonymous one is not traced back through its
-- invitation, which would undo its anonymity. Answers given before this migration stay unannounced for ever
-- (announce_after NULL): they are old news, and sending a year of them at once would flood every endpoint.
UPDATE survey_response r SET operator_id = s.operator_id
FROM cancellation c JOIN subscription s ON s.id = c.subscription_id
WHERE c.id = r.cancellation_id;

CREATE INDEX survey_response_unannounced_idx ON survey_response (announce_after)
    WHERE announced_at IS NULL AND announce_after IS NOT NULL;
