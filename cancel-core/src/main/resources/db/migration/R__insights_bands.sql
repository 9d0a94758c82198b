-- The current definitions of the bands the insights count by. Versioned migrations (V4, V8, V10) created and changed
-- them and stay as they were applied; this file is where each function reads as it is today. Flyway runs it again
-- whenever it changes, after the versioned migrations. Every function here is one expression, so PostgreSQL inlines it
-- into the queries that call it.

-- The one definition of the tenure bands; coarse enough that an anonymous answer stays anonymous.
-- floor(seconds / 86400) < n holds exactly when seconds < n * 86400, so these are whole days.
CREATE OR REPLACE FUNCTION tenure_band(started TIMESTAMPTZ, ended TIMESTAMPTZ) RETURNS VARCHAR(16)
    LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
           WHEN extract(EPOCH FROM ended - started) < 31 * 86400 THEN 'under_1_month'
           WHEN extract(EPOCH FROM ended - started) < 183 * 86400 THEN '1_to_6_months'
           WHEN extract(EPOCH FROM ended - started) < 366 * 86400 THEN '6_to_12_months'
           WHEN extract(EPOCH FROM ended - started) < 731 * 86400 THEN '1_to_2_years'
           ELSE 'over_2_years' END
$$;

-- Seconds from opening the page to the confirmed cancellation, in the buckets the dashboard shows (1..5).
CREATE OR REPLACE FUNCTION journey_bucket(started TIMESTAMPTZ, confirmed TIMESTAMPTZ) RETURNS INT
    LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
           WHEN started IS NULL THEN NULL
           WHEN confirmed - started < INTERVAL '30 seconds' THEN 1
           WHEN confirmed - started < INTERVAL '2 minutes' THEN 2
           WHEN confirmed - started < INTERVAL '10 minutes' THEN 3
           WHEN confirmed - started < INTERVAL '1 hour' THEN 4
           ELSE 5 END
$$;

-- The Monday that starts a day's week, as WeeklyTrend.mondayOf. Plain date arithmetic: no time zone involved.
CREATE OR REPLACE FUNCTION monday_of(d DATE) RETURNS DATE
    LANGUAGE sql IMMUTABLE AS $$
SELECT d - (extract(ISODOW FROM d)::INT - 1)
$$;
