-- When the conversation entered PENDING (waiting on the customer): SLA clocks pause meanwhile and are
-- pushed back by the business time spent pending when it leaves PENDING. Null when not pending.
ALTER TABLE conversations ADD COLUMN pending_since BIGINT;
