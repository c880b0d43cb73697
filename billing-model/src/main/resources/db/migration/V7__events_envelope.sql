-- Events out (docs/events.md): every outbox row is one envelope {id, type, accountId, sequence, occurredAt, data}.
-- sequence counts an account's events from 1, with no gap and no repeat, in commit order: a writer takes the
-- next numbers by updating account.last_event_sequence, which holds the account's row lock until it commits
-- (a rollback gives the numbers back), so a later transaction of the same account gets higher numbers.

alter table account add column last_event_sequence bigint not null default 0 check (last_event_sequence >= 0);
-- the entitlements snapshot last announced (entitlements.changed is sent only when the snapshot differs)
alter table account add column announced_entitlements jsonb;

alter table outbox_event add column account_id text references account (id);
alter table outbox_event add column sequence bigint;

-- rows written before this migration (subaccount.erased only) are numbered in the order they were written
update outbox_event o
   set account_id = o.payload ->> 'accountId'
 where o.account_id is null;
update outbox_event o
   set sequence = n.sequence
  from (select id, row_number() over (partition by account_id order by created_at, id) as sequence
          from outbox_event) n
 where n.id = o.id;
update account a
   set last_event_sequence = s.last
  from (select account_id, max(sequence) as last from outbox_event group by account_id) s
 where s.account_id = a.id;

alter table outbox_event alter column account_id set not null;
alter table outbox_event alter column sequence set not null;
alter table outbox_event add constraint outbox_event_sequence_positive check (sequence >= 1);
alter table outbox_event add constraint outbox_event_one_per_sequence unique (account_id, sequence);

-- the relay reads what is unpublished in (account, sequence) order; pruning reads by publication time
drop index outbox_event_unpublished_idx;
create index outbox_event_unpublished_idx on outbox_event (account_id, sequence) where published_at is null;
create index outbox_event_published_idx on outbox_event (published_at) where published_at is not null;
