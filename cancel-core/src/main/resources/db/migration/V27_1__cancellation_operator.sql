-- An operator pages through its cancellations in id order ("after" the last one it saw). Found through the
-- subscription, each page read every cancellation of the business in id order until it had found enough of this
-- operator's: a cost that grew with everyone's cancellations. The operator on the cancellation itself, copied from
-- the subscription when the cancellation is made (a subscription never changes operator), lets an index hand out
-- exactly one page.
ALTER TABLE cancellation ADD COLUMN operator_id BIGINT REFERENCES operator (id);
UPDATE cancellation c SET operator_id = s.operator_id FROM subscription s
    WHERE s.id = c.subscription_id AND s.operator_id IS NOT NULL;
CREATE INDEX cancellation_operator_idx ON cancellation (operator_id, id) WHERE operator_id IS NOT NULL;
