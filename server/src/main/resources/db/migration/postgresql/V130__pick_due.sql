-- queues2: Next and push assignment pick the unassigned NEW/OPEN conversation with the soonest SLA due
-- by an indexed query instead of sorting every waiting conversation in memory. pick_due_at is the
-- running SLA clock's due time in epoch ms (9223372036854775807 when no clock runs or it is paused),
-- written with every conversation; rows stored before this column are filled in at start-up.
ALTER TABLE conversations ADD COLUMN pick_due_at BIGINT;
CREATE INDEX conversations_pick ON conversations (pick_due_at, priority, created_at, id)
    WHERE assignee_id IS NULL AND status IN ('NEW', 'OPEN');
