-- An anonymous answer could be matched to its person: its submitted_at was the very instant its invitation (which
-- names the person and the cancellation) kept as responded_at. From now on an anonymous answer keeps only its day
-- (UTC, the day the insights count it on), and an invitation answered anonymously keeps as responded_at its own
-- sending time: that it was answered (one answer each, no reminder, the response rate), nothing about when. A named
-- answer keeps its time: it names its person anyway.

-- Still answered, so the insights' response counts do not move.
UPDATE survey_invitation i SET responded_at = coalesce(sent_at, due_at)
WHERE responded_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.cancellation_id = i.cancellation_id AND NOT r.anonymous);

-- The same day, so the insights' daily and weekly counts do not move either.
UPDATE survey_response SET submitted_at = date_trunc('day', submitted_at, 'UTC'),
                           updated_at = date_trunc('day', updated_at, 'UTC')
WHERE anonymous;
