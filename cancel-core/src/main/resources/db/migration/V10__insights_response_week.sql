-- The answers' figures by week as well as by day, kept by the same trigger in the same transaction as the answers.
-- The dashboard's weekly trend (and the reasons and the number of answers summed from it) reads whole weeks here and
-- only the days at the period's ends from insights_response_day: for the default 90 days about 21,000 rows instead
-- of 82,000 over 1,000,000 answers (docs/benchmarks.md). Same facets as the daily table, so every filter still works.
-- Two answers share a weekly row exactly when they share a daily row or fall on other days of the same week, so the
-- weekly rows add no waiting between concurrent answers beyond what the daily rows already cause.

-- Keeps answers from being written while the weekly table is created and filled from the daily one: an answer
-- counted by the old trigger after the fill would be missing from its week. Writers wait for this migration only.
LOCK TABLE survey_response IN SHARE MODE;

-- The Monday that starts a day's week, as WeeklyTrend.mondayOf. Plain date arithmetic: no time zone involved, and a
-- single expression, so PostgreSQL inlines it into the queries that call it.
CREATE FUNCTION monday_of(d DATE) RETURNS DATE
    LANGUAGE sql IMMUTABLE AS $$
SELECT d - (extract(ISODOW FROM d)::INT - 1)
$$;

CREATE TABLE insights_response_week (
    week        DATE        NOT NULL CHECK (extract(ISODOW FROM week) = 1),
    plan_code   VARCHAR(64) NOT NULL,
    tenure_band VARCHAR(16) NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    language    VARCHAR(8)  NOT NULL,
    reason_code VARCHAR(64) NOT NULL, -- '' when no reason was chosen
    responses   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (week, plan_code, tenure_band, channel, language, reason_code)
);
-- As for the daily tables (V8): starting parallel workers costs more than reading a few thousand rows.
ALTER TABLE insights_response_week SET (parallel_workers = 0);

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

-- As in V4, plus the weekly table, summed from the daily rows just rebuilt. Rows are written in key order: a day's
-- rows then sit on neighbouring pages, as the triggers leave them over time, and a few days at a period's end read
-- a few pages rather than one page for nearly every row.
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

-- The weeks so far, from the daily rows the triggers have kept exact (a full rebuild would read every answer again).
INSERT INTO insights_response_week (week, plan_code, tenure_band, channel, language, reason_code, responses)
SELECT monday_of(day), plan_code, tenure_band, channel, language, reason_code, sum(responses)
FROM insights_response_day
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6;
