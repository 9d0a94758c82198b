-- Every request finds its rows through an index, however many subscriptions there are.
--
-- The unique indexes on external ids and email addresses led with coalesce(operator_id, 0), an expression no query
-- names: the API asks for "operator_id = ? AND external_reference = ?", the public cancel form and the erasure for
-- "lower(email) = ?". PostgreSQL cannot use an index whose first column a query does not name, so each of these read
-- the whole table (at 1,000,000 subscriptions an API cancel took 1.8 s). The same uniqueness, led by what the
-- queries name: the id or address finds one row or a few (one per operator), the operator is checked on those.
DROP INDEX subscription_operator_external_uk;
CREATE UNIQUE INDEX subscription_external_operator_uk ON subscription (external_reference, coalesce(operator_id, 0))
    WHERE external_reference IS NOT NULL;

DROP INDEX subscriber_operator_external_uk;
CREATE UNIQUE INDEX subscriber_external_operator_uk ON subscriber (external_id, coalesce(operator_id, 0))
    WHERE external_id IS NOT NULL;

DROP INDEX subscriber_email_uk;
CREATE UNIQUE INDEX subscriber_email_operator_uk ON subscriber (lower(email), coalesce(operator_id, 0));

-- The support desk searches for text anywhere in an address or a name ("LIKE '%text%'"), which no B-tree can answer:
-- trigram indexes can, so a search costs what it finds, not what the table holds.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX subscriber_email_trgm_idx ON subscriber USING gin (lower(email) gin_trgm_ops);
CREATE INDEX subscriber_name_trgm_idx ON subscriber USING gin (lower(name) gin_trgm_ops);
