-- R7, R8: one renewal per (account, cycle), backed by invoice_one_renewal_per_cycle. The invoice is the
-- immutable charge; this row is the mutable collection state of that charge (paid, retried, given up).
create table renewal (
    invoice_id    uuid primary key references invoice (id),
    account_id    text        not null references account (id),
    cycle_start   date        not null,
    status        text        not null check (status in ('DUE', 'PAID', 'PAST_DUE', 'UNPAID_ENDED')),
    failed_at     timestamptz,
    retries       int         not null default 0 check (retries between 0 and 3),
    next_retry_at timestamptz,
    -- a tick that takes a renewal to charge holds it until then; another tick may take it after (the
    -- provider's idempotency key, the invoice's payment key, makes a second ask charge nothing more)
    leased_until  timestamptz,
    updated_at    timestamptz not null,
    unique (account_id, cycle_start)
);
create index renewal_to_charge_idx on renewal (status, next_retry_at);

-- which renewal made a purchase PAST_DUE: a paid retry makes exactly those ACTIVE again
alter table purchase add column past_due_invoice_id uuid references invoice (id);
create index purchase_past_due_idx on purchase (past_due_invoice_id) where past_due_invoice_id is not null;
-- the tick takes what is due to charge in this order, without sorting the whole table
create index renewal_due_idx on renewal (updated_at, invoice_id) where status in ('DUE', 'PAST_DUE');
