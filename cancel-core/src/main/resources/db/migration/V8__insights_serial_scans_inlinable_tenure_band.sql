-- Found with bench/insights.sh over 1,000,000 answers and 1,400,000 cancellations; figures in docs/benchmarks.md.

-- The dashboard's queries on the daily tables read a few thousand to a hundred thousand narrow rows. PostgreSQL
-- plans a parallel scan for them once a table passes a few megabytes, and starting the workers costs more than the
-- scan (about 40 ms per query on a 2-core server, where the workers also compete with the server for the cores):
-- a dashboard view took 340 ms on the server instead of 150 ms. Serial scans only, for these two tables.
ALTER TABLE insights_response_day SET (parallel_workers = 0);
ALTER TABLE insights_cancellation_day SET (parallel_workers = 0);

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
