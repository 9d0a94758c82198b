-- The current definitions of the functions that keep the insights' daily and weekly figures: the counting the
-- triggers do in the same transaction as the rows they count, and the rebuild from those rows. Versioned migrations
-- (V4, V10) created and changed them and stay as they were applied; the triggers themselves are declared in V4. This
-- file is where each function reads as it is today; Flyway runs it again whenever it changes, after the versioned
-- migrations.

-- The facets of one cancellation, as the dashboard filters by them.
CREATE OR REPLACE FUNCTION insights_count_cancellation(cancellation_id BIGINT, d_cancelled INT, d_undone INT,
                                                       d_invited INT, d_responded INT) RETURNS VOID
    LANGUAGE sql AS $$
INSERT INTO insights_cancellation_day AS t (day, plan_code, tenure_band, channel, language, cancelled, undone, invited,
                                           responded, journey_1, journey_2, journey_3, journey_4, journey_5)
SELECT (c.requested_at AT TIME ZONE 'UTC')::DATE, p.code, tenure_band(s.started_at, c.requested_at), c.channel,
       split_part(sub.locale, '-', 1), d_cancelled, d_undone, d_invited, d_responded,
       CASE WHEN journey_bucket(c.journey_started_at, c.requested_at) = 1 THEN d_cancelled ELSE 0 END,
       CASE WHEN journey_bucket(c.journey_started_at, c.requested_at) = 2 THEN d_cancelled ELSE 0 END,
       CASE WHEN journey_bucket(c.journey_started_at, c.requested_at) = 3 THEN d_cancelled ELSE 0 END,
       CASE WHEN journey_bucket(c.journey_started_at, c.requested_at) = 4 THEN d_cancelled ELSE 0 END,
       CASE WHEN journey_bucket(c.journey_started_at, c.requested_at) = 5 THEN d_cancelled ELSE 0 END
FROM cancellation c
         JOIN subscription s ON s.id = c.subscription_id
         JOIN plan p ON p.id = s.plan_id
         JOIN subscriber sub ON sub.id = s.subscriber_id
WHERE c.id = cancellation_id
ON CONFLICT (day, plan_code, tenure_band, channel, language) DO UPDATE
    SET cancelled = t.cancelled + excluded.cancelled, undone = t.undone + excluded.undone,
        invited   = t.invited + excluded.invited, responded = t.responded + excluded.responded,
        journey_1 = t.journey_1 + excluded.journey_1, journey_2 = t.journey_2 + excluded.journey_2,
        journey_3 = t.journey_3 + excluded.journey_3, journey_4 = t.journey_4 + excluded.journey_4,
        journey_5 = t.journey_5 + excluded.journey_5
$$;

CREATE OR REPLACE FUNCTION insights_on_cancellation() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM insights_count_cancellation(NEW.id, 1, CASE WHEN NEW.undone_at IS NULL THEN 0 ELSE 1 END, 0, 0);
    ELSIF (OLD.undone_at IS NULL) <> (NEW.undone_at IS NULL) THEN
        PERFORM insights_count_cancellation(NEW.id, 0, CASE WHEN NEW.undone_at IS NULL THEN -1 ELSE 1 END, 0, 0);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION insights_on_invitation() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    was_sent      BOOLEAN := TG_OP = 'UPDATE' AND OLD.status = 'SENT';
    had_responded BOOLEAN := TG_OP = 'UPDATE' AND OLD.responded_at IS NOT NULL;
    d_invited     INT     := (NEW.status = 'SENT')::INT - was_sent::INT;
    d_responded   INT     := (NEW.responded_at IS NOT NULL)::INT - had_responded::INT;
BEGIN
    IF d_invited <> 0 OR d_responded <> 0 THEN
        PERFORM insights_count_cancellation(NEW.cancellation_id, 0, 0, d_invited, d_responded);
    END IF;
    RETURN NULL;
END
$$;

-- One answer, counted (delta 1) or taken back (delta -1) on its day and in its week.
CREATE OR REPLACE FUNCTION insights_count_response(r survey_response, delta INT) RETURNS VOID
    LANGUAGE sql AS $$
INSERT INTO insights_response_day AS t (day, plan_code, tenure_band, channel, language, reason_code, responses)
VALUES ((r.submitted_at AT TIME ZONE 'UTC')::DATE, r.plan_code, r.tenure_band, r.channel, split_part(r.locale, '-', 1),
        coalesce(r.reason_code, ''), delta)
ON CONFLICT (day, plan_code, tenure_band, channel, language, reason_code) DO UPDATE
    SET responses = t.responses + excluded.responses;
INSERT INTO insights_response_week AS t (week, plan_code, tenure_band, channel, language, reason_code, responses)
VALUES (monday_of((r.submitted_at AT TIME ZONE 'UTC')::DATE), r.plan_code, r.tenure_band, r.channel,
        split_part(r.locale, '-', 1), coalesce(r.reason_code, ''), delta)
ON CONFLICT (week, plan_code, tenure_band, channel, language, reason_code) DO UPDATE
    SET responses = t.responses + excluded.responses;
$$;

CREATE OR REPLACE FUNCTION insights_on_response() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM insights_count_response(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM insights_count_response(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

-- Recomputes the three tables from the rows they count: after a bulk load without triggers, or to check them. The
-- weekly table is summed from the daily rows just rebuilt. Rows are written in key order: a day's rows then sit on
-- neighbouring pages, as the triggers leave them over time, and a few days at a period's end read a few pages rather
-- than one page for nearly every row.
CREATE OR REPLACE FUNCTION insights_rebuild() RETURNS VOID
    LANGUAGE sql AS $$
DELETE FROM insights_cancellation_day;
DELETE FROM insights_response_day;
DELETE FROM insights_response_week;
INSERT INTO insights_cancellation_day (day, plan_code, tenure_band, channel, language, cancelled, undone, invited,
                                       responded, journey_1, journey_2, journey_3, journey_4, journey_5)
SELECT (c.requested_at AT TIME ZONE 'UTC')::DATE, p.code, tenure_band(s.started_at, c.requested_at), c.channel,
       split_part(sub.locale, '-', 1), count(*), count(c.undone_at),
       count(*) FILTER (WHERE i.status = 'SENT'), count(i.responded_at),
       count(*) FILTER (WHERE journey_bucket(c.journey_started_at, c.requested_at) = 1),
       count(*) FILTER (WHERE journey_bucket(c.journey_started_at, c.requested_at) = 2),
       count(*) FILTER (WHERE journey_bucket(c.journey_started_at, c.requested_at) = 3),
       count(*) FILTER (WHERE journey_bucket(c.journey_started_at, c.requested_at) = 4),
       count(*) FILTER (WHERE journey_bucket(c.journey_started_at, c.requested_at) = 5)
FROM cancellation c
         JOIN subscription s ON s.id = c.subscription_id
         JOIN plan p ON p.id = s.plan_id
         JOIN subscriber sub ON sub.id = s.subscriber_id
         LEFT JOIN survey_invitation i ON i.cancellation_id = c.id
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5;
INSERT INTO insights_response_day (day, plan_code, tenure_band, channel, language, reason_code, responses)
SELECT (submitted_at AT TIME ZONE 'UTC')::DATE, plan_code, tenure_band, channel, split_part(locale, '-', 1),
       coalesce(reason_code, ''), count(*)
FROM survey_response
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6;
INSERT INTO insights_response_week (week, plan_code, tenure_band, channel, language, reason_code, responses)
SELECT monday_of(day), plan_code, tenure_band, channel, language, reason_code, sum(responses)
FROM insights_response_day
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6;
$$;
