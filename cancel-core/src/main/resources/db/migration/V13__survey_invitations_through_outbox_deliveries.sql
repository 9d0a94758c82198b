-- Survey invitations and their reminders are now sent by outbox deliveries (attempts, backoff, a dead state, the
-- admin page and its retry) instead of a loop over survey_invitation that one refused address could stop.

-- The 'survey-invitation' delivery of a cancellation used to end once the invitation was scheduled. For every
-- invitation still waiting, that delivery is due again when the invitation is.
UPDATE outbox_delivery d
   SET status = 'PENDING', attempts = 0, next_attempt_at = i.due_at, last_error = NULL, handled_at = NULL
  FROM survey_invitation i
 WHERE d.consumer = 'survey-invitation' AND d.event_id = i.event_id AND i.status = 'SCHEDULED';

-- The consumer no longer takes undo events: whether the cancellation still stands is checked when the invitation
-- is due.
UPDATE outbox_delivery d
   SET status = 'DONE', handled_at = now()
  FROM outbox_event e
 WHERE d.consumer = 'survey-invitation' AND d.event_id = e.id AND e.event_type = 'CancellationUndone'
   AND d.status <> 'DONE';

-- Every invitation that may still get its reminder is announced as sent, at the moment it was sent, and the
-- reminder consumer starts from the earliest of them, so each gets its delivery, due as before.
INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
SELECT gen_random_uuid(), 'SurveyInvitation', i.id::text, 'SurveyInvitationSent',
       '{"invitationId":' || i.id || '}', i.sent_at
  FROM survey_invitation i
 WHERE i.status = 'SENT' AND i.reminder_sent_at IS NULL AND i.responded_at IS NULL AND i.expires_at > now();

INSERT INTO outbox_consumer (name, registered_at, enrolled_until)
SELECT 'survey-reminder', min(e.occurred_at), min(e.occurred_at)
  FROM outbox_event e
 WHERE e.event_type = 'SurveyInvitationSent'
HAVING min(e.occurred_at) IS NOT NULL
ON CONFLICT (name) DO NOTHING;
