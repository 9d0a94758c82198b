-- Insights for product teams: daily figures kept by triggers in the same transaction as the rows they count, so the
-- dashboard reads a few thousand rows instead of a year of cancellations and answers, and is never out of date.

-- When the person opened the page they cancelled from (web only): how long the way out took them.
ALTER TABLE cancellation ADD COLUMN journey_started_at TIMESTAMPTZ;

-- The one definition of the tenure bands; coarse enough that an anonymous answer stays anonymous.
CREATE FUNCTION tenure_band(started TIMESTAMPTZ, ended TIMESTAMPTZ) RETURNS VARCHAR(16)
    LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
           WHEN days < 31 THEN 'under_1_month'
           WHEN days < 183 THEN '1_to_6_months'
           WHEN days < 366 THEN '6_to_12_months'
           WHEN days < 731 THEN '1_to_2_years'
           ELSE 'over_2_years' END
FROM (SELECT floor(extract(EPOCH FROM ended - started) / 86400) AS days) d
$$;

-- Seconds from opening the page to the confirmed cancellation, in the buckets the dashboard shows (1..5).
CREATE FUNCTION journey_bucket(started TIMESTAMPTZ, confirmed TIMESTAMPTZ) RETURNS INT
    LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
           WHEN started IS NULL THEN NULL
           WHEN confirmed - started < INTERVAL '30 seconds' THEN 1
           WHEN confirmed - started < INTERVAL '2 minutes' THEN 2
           WHEN confirmed - started < INTERVAL '10 minutes' THEN 3
           WHEN confirmed - started < INTERVAL '1 hour' THEN 4
           ELSE 5 END
$$;

CREATE TABLE insights_cancellation_day (
    day         DATE        NOT NULL,
    plan_code   VARCHAR(64) NOT NULL,
    tenure_band VARCHAR(16) NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    language    VARCHAR(8)  NOT NULL,
    cancelled   INT         NOT NULL DEFAULT 0,
    undone      INT         NOT NULL DEFAULT 0,
    invited     INT         NOT NULL DEFAULT 0,
    responded   INT         NOT NULL DEFAULT 0,
    journey_1   INT         NOT NULL DEFAULT 0,
    journey_2   INT         NOT NULL DEFAULT 0,
    journey_3   INT         NOT NULL DEFAULT 0,
    journey_4   INT         NOT NULL DEFAULT 0,
    journey_5   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (day, plan_code, tenure_band, channel, language)
);

CREATE TABLE insights_response_day (
    day         DATE        NOT NULL,
    plan_code   VARCHAR(64) NOT NULL,
    tenure_band VARCHAR(16) NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    language    VARCHAR(8)  NOT NULL,
    reason_code VARCHAR(64) NOT NULL, -- '' when no reason was chosen
    responses   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (day, plan_code, tenure_band, channel, language, reason_code)
);

-- The facets of one cancellation, as the dashboard filters by them.
CREATE FUNCTION insights_count_cancellation(cancellation_id BIGINT, d_cancelled INT, d_undone INT, d_invited INT,
                                            d_responded INT) RETURNS VOID
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

CREATE FUNCTION insights_on_cancellation() RETURNS TRIGGER
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
CREATE TRIGGER insights_cancellation AFTER INSERT OR UPDATE OF undone_at ON cancellation
    FOR EACH ROW EXECUTE FUNCTION insights_on_cancellation();

CREATE FUNCTION insights_on_invitation() RETURNS TRIGGER
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
CREATE TRIGGER insights_invitation AFTER INSERT OR UPDATE OF status, responded_at ON survey_invitation
    FOR EACH ROW EXECUTE FUNCTION insights_on_invitation();

CREATE FUNCTION insights_count_response(r survey_response, delta INT) RETURNS VOID
    LANGUAGE sql AS $$
INSERT INTO insights_response_day AS t (day, plan_code, tenure_band, channel, language, reason_code, responses)
VALUES ((r.submitted_at AT TIME ZONE 'UTC')::DATE, r.plan_code, r.tenure_band, r.channel, split_part(r.locale, '-', 1),
        coalesce(r.reason_code, ''), delta)
ON CONFLICT (day, plan_code, tenure_band, channel, language, reason_code) DO UPDATE
    SET responses = t.responses + excluded.responses
$$;

CREATE FUNCTION insights_on_response() RETURNS TRIGGER
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
CREATE TRIGGER insights_response AFTER INSERT OR DELETE OR UPDATE OF reason_code, submitted_at, locale ON survey_response
    FOR EACH ROW EXECUTE FUNCTION insights_on_response();

-- Recomputes both tables from the rows they count: after a bulk load without triggers, or to check them.
CREATE FUNCTION insights_rebuild() RETURNS VOID
    LANGUAGE sql AS $$
DELETE FROM insights_cancellation_day;
DELETE FROM insights_response_day;
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
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO insights_response_day (day, plan_code, tenure_band, channel, language, reason_code, responses)
SELECT (submitted_at AT TIME ZONE 'UTC')::DATE, plan_code, tenure_band, channel, split_part(locale, '-', 1),
       coalesce(reason_code, ''), count(*)
FROM survey_response
GROUP BY 1, 2, 3, 4, 5, 6;
$$;

-- The customers' own words: searched in their language, paged newest first by (submitted_at, id).
ALTER TABLE survey_response ADD COLUMN search_text TSVECTOR GENERATED ALWAYS AS (
    to_tsvector(CASE WHEN locale LIKE 'de%' THEN 'german'::REGCONFIG ELSE 'english'::REGCONFIG END,
                coalesce(comment, '') || ' ' || coalesce(fair_outcome, ''))) STORED;
CREATE INDEX survey_response_search_idx ON survey_response USING GIN (search_text);
CREATE INDEX survey_response_words_idx ON survey_response (submitted_at DESC, id DESC)
    WHERE comment IS NOT NULL OR fair_outcome IS NOT NULL;

ALTER TABLE survey_response ADD COLUMN reviewed_at TIMESTAMPTZ;
ALTER TABLE survey_response ADD COLUMN reviewed_by VARCHAR(320);

CREATE TABLE survey_response_tag (
    response_id BIGINT      NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
    tag         VARCHAR(40) NOT NULL,
    PRIMARY KEY (response_id, tag)
);
CREATE INDEX survey_response_tag_idx ON survey_response_tag (tag, response_id);

-- A product person's reply to someone who agreed to be contacted; sent by email through the outbox.
CREATE TABLE survey_reply (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    response_id BIGINT       NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
    author      VARCHAR(320) NOT NULL,
    body        TEXT         NOT NULL,
    written_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX survey_reply_response_idx ON survey_reply (response_id, written_at);

SELECT insights_rebuild();
