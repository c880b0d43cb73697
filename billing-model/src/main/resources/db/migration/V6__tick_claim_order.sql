-- The tick claims due accounts in (cycle_turns_at, id) order: with the id in the index a batch is read in
-- order, instead of sorting every due account for each batch of 500.
drop index account_due_idx;
create index account_due_idx on account (cycle_turns_at, id);
