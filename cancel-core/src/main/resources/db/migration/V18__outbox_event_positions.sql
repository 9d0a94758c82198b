-- The order of a subscription's events is the order they were written in. Their times may tie, and the JPA provider
-- inserts the new rows of one transaction in an order of its own, so each event takes its place in line from this
-- sequence when it is published, and consumers and webhook deliveries go by it. Events of one subscription are
-- published under that subscription's row lock, one transaction after the other, so their places are in the order
-- they happened.
CREATE SEQUENCE outbox_event_position_seq;
ALTER TABLE outbox_event ADD COLUMN position BIGINT;
UPDATE outbox_event e SET position = ordered.place
FROM (SELECT id, nextval('outbox_event_position_seq') AS place
      FROM (SELECT id FROM outbox_event ORDER BY occurred_at, id) earliest_first) ordered
WHERE ordered.id = e.id;
ALTER TABLE outbox_event ALTER COLUMN position SET DEFAULT nextval('outbox_event_position_seq');
ALTER TABLE outbox_event ALTER COLUMN position SET NOT NULL;
CREATE INDEX outbox_event_aggregate_position_idx ON outbox_event (aggregate_type, aggregate_id, position);

ALTER TABLE webhook_delivery ADD COLUMN event_position BIGINT;
UPDATE webhook_delivery d SET event_position = e.position FROM outbox_event e WHERE e.id = d.event_id;
ALTER TABLE webhook_delivery ALTER COLUMN event_position SET NOT NULL;
DROP INDEX webhook_delivery_order_idx;
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (endpoint_id, ordering_key, event_position)
    WHERE status = 'PENDING';
