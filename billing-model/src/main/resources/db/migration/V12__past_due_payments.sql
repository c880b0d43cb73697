-- The owner's on-session payments of a renewal in its grace period (pay-past-due): one row per attempt, committed
-- before the provider is asked, its payment_key the provider's idempotency key. An attempt is open until the
-- provider's answer closes it (paid or refused) or it is given up (23 h without the owner's authentication). While
-- one is open the renewal tick does not retry the invoice off-session: the provider never sees two attempts of one
-- invoice at once. Not part of the ledger (the provider's answers are appended to payment_event as for any charge).
create table past_due_payment (
    invoice_id         uuid        not null references renewal (invoice_id),
    attempt            int         not null check (attempt >= 1),
    payment_key        text        not null unique,
    started_at         timestamptz not null,
    provider_reference text,
    client_secret      text,
    closed_at          timestamptz,
    primary key (invoice_id, attempt)
);
create unique index past_due_payment_one_open_idx on past_due_payment (invoice_id) where closed_at is null;
create index past_due_payment_open_since_idx on past_due_payment (started_at) where closed_at is null;
