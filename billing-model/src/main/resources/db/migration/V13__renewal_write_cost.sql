-- The renewal tick writes rows and index entries; this migration makes it write fewer, and nearer each other
-- (docs/benchmarks.md, "Renewal tick": measured with pg_stat_statements and the WAL written per renewal).

-- No statement reads renewals by (status, next_retry_at): the tick takes them through renewal_due_idx, the
-- webhook and pay-past-due by invoice or account. Each renewal inserted or rewritten paid one entry in it.
drop index renewal_to_charge_idx;

-- Time-ordered ids (UUID version 7, RFC 9562) for the rows the tick inserts set-based: an index on a random id
-- takes each new entry on a page of its own (a page read, dirtied, and after a checkpoint written whole to the
-- WAL, per row), where ordered ids fill the rightmost pages one after the other. PostgreSQL 18 has uuidv7();
-- until then, version 4's random bits with the Unix time in milliseconds in the first 48 and the version set to 7.
create function uuid_v7() returns uuid language sql volatile parallel safe as $$
    select encode(
               set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                                       placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint)
                                                         from 3)
                                       from 1 for 6),
                               52, 1),
                       53, 1),
               'hex')::uuid
$$;

-- An account's row is rewritten several times per renewal (its cycle at the turn, its event sequence, its announced
-- entitlements): room left on each page lets the rewrites that change no indexed column stay on the page, without
-- new index entries (HOT). Applies to pages written from now on.
alter table account set (fillfactor = 80);

-- A renewal is inserted by the turn, then leased (leased_until: no index) before it is charged: with room on its page
-- the lease is a HOT update, no new entry in its three indexes. Its final standing changes indexed columns anyway.
alter table renewal set (fillfactor = 70);
