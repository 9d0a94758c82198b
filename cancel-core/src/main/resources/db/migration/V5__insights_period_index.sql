-- Found with bench/insights.sh over 1,000,000 answers; the figures are in docs/benchmarks.md.

-- Each dashboard view reads the period's rows of insights_response_day three times (answers, reasons, weekly trend).
-- Without this index PostgreSQL scans the whole table, in parallel when it can (starting the workers alone costs tens
-- of milliseconds on a small server), and the scan grows with every day of history kept. With it, an index-only
-- range scan reads the period and nothing else, whatever the facets and whether the plan is generic or custom.
CREATE INDEX insights_response_day_period_idx ON insights_response_day (day)
    INCLUDE (plan_code, tenure_band, channel, language, reason_code, responses);

-- The same bands as in V4, written as a single expression: PostgreSQL inlines such a function into the query that
-- calls it, where V4's body (a SELECT with a FROM) ran as a separate function call for every row. That made
-- insights_rebuild() and every query grouping cancellations by tenure several times slower than needed.
-- floor(seconds / 86400) < n holds exactly when seconds < n * 86400, so every band stays as it was.
CREATE OR REPLACE FUNCTION tenure_band(started TIMESTAMPTZ, ended TIMESTAMPTZ) RETURNS VARCHAR(16)
    LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
           WHEN extract(EPOCH FROM ended - started) < 31 * 86400 THEN 'under_1_month'
           WHEN extract(EPOCH FROM ended - started) < 183 * 86400 THEN '1_to_6_months'
           WHEN extract(EPOCH FROM ended - started) < 366 * 86400 THEN '6_to_12_months'
           WHEN extract(EPOCH FROM ended - started) < 731 * 86400 THEN '1_to_2_years'
           ELSE 'over_2_years' END
$$;
