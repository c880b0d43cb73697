-- Add-on billing: accounts, users, catalog, quotes, purchases, sub-account seats and the ledger.
-- Money is always bigint minor units beside a char(3) ISO 4217 currency.

create table account (
    id             text primary key,
    plan           text        not null check (plan in ('FREE_TRIAL', 'LIVE', 'AUTOMATED', 'ENTERPRISE')),
    billing_period text        not null check (billing_period in ('MONTHLY', 'ANNUAL')),
    cycle_start    date        not null,
    currency       char(3)     not null,
    time_zone      text        not null,
    -- 00:00 of the cycle's end date in the account's zone; kept so the renewal tick finds due accounts by index
    cycle_turns_at timestamptz not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index account_due_idx on account (cycle_turns_at);

create table add_on (
    code         text primary key,
    kind         text not null check (kind in ('RECURRING', 'ONE_TIME')),
    max_quantity int  not null check (max_quantity between 1 and 100)
);

-- A price row is in force from valid_from until a later row of the same add-on, period and currency.
create table catalog_price (
    add_on           text    not null references add_on (code),
    billing_period   text    not null check (billing_period in ('MONTHLY', 'ANNUAL')),
    currency         char(3) not null,
    valid_from       date    not null,
    unit_price_minor bigint  not null check (unit_price_minor >= 0),
    primary key (add_on, billing_period, currency, valid_from)
);

create table quote (
    id               uuid primary key,
    account_id       text        not null references account (id),
    add_on           text        not null references add_on (code),
    quantity         int         not null check (quantity between 1 and 100),
    currency         char(3)     not null,
    unit_price_minor bigint      not null check (unit_price_minor >= 0),
    cycle_price_minor bigint     not null check (cycle_price_minor >= 0),
    charge_now_minor bigint      not null check (charge_now_minor >= 0 and charge_now_minor <= cycle_price_minor),
    cycle_start      date        not null,
    cycle_end        date        not null,
    cycle_days       int         not null,
    days_remaining   int         not null,
    created_at       timestamptz not null,
    expires_at       timestamptz not null
);
create index quote_account_idx on quote (account_id);

create table purchase (
    id              uuid primary key,
    account_id      text        not null references account (id),
    -- a quote is used by at most one purchase; an idempotency key names at most one purchase per account
    quote_id        uuid        not null unique references quote (id),
    idempotency_key text        not null check (length(idempotency_key) between 1 and 200),
    add_on          text        not null references add_on (code),
    quantity        int         not null check (quantity between 1 and 100),
    status          text        not null check (status in ('PENDING_PAYMENT', 'ACTIVE', 'FAILED', 'CANCELLATION_SCHEDULED', 'PAST_DUE', 'ENDED')),
    purchased_at    timestamptz not null,
    active_from     date        not null,
    active_until    date,
    cancelled_at    timestamptz,
    erasure_confirmed boolean   not null default false,
    updated_at      timestamptz not null,
    unique (account_id, idempotency_key)
);
create index purchase_account_idx on purchase (account_id, status);

create table sub_account (
    id              uuid primary key,
    account_id      text        not null references account (id),
    -- the seat: a sub-account occupies one seat of the SUB_ACCOUNTS purchase it was created in
    purchase_id     uuid        not null references purchase (id),
    name            text        not null,
    storage_gb      int         not null check (storage_gb >= 0),
    recording_hours int         not null check (recording_hours >= 0),
    created_at      timestamptz not null
);
create index sub_account_purchase_idx on sub_account (purchase_id);
create index sub_account_account_idx on sub_account (account_id);

create table app_user (
    id             text primary key,
    account_id     text not null references account (id),
    role           text not null check (role in ('OWNER', 'MEMBER', 'SUB_ACCOUNT_USER')),
    sub_account_id uuid references sub_account (id),
    name           text not null,
    check ((role = 'SUB_ACCOUNT_USER') = (sub_account_id is not null))
);
create unique index app_user_one_owner on app_user (account_id) where role = 'OWNER';
create index app_user_sub_account_idx on app_user (sub_account_id);

-- The ledger. Rows are appended and never rewritten (see the trigger below); corrections are new rows.
create table invoice (
    id          uuid primary key,
    account_id  text        not null references account (id),
    kind        text        not null check (kind in ('PURCHASE', 'RENEWAL')),
    cycle_start date        not null,
    currency    char(3)     not null,
    total_minor bigint      not null,
    issued_at   timestamptz not null,
    -- sent to the payment provider as its idempotency key: one charge per invoice, whatever the retries
    payment_key text        not null unique
);
create unique index invoice_one_renewal_per_cycle on invoice (account_id, cycle_start) where kind = 'RENEWAL';

create table invoice_line (
    invoice_id       uuid   not null references invoice (id),
    line_no          int    not null,
    purchase_id      uuid   not null references purchase (id),
    add_on           text   not null references add_on (code),
    quantity         int    not null,
    unit_price_minor bigint not null,
    amount_minor     bigint not null,
    primary key (invoice_id, line_no)
);
create index invoice_line_purchase_idx on invoice_line (purchase_id);

create table payment_event (
    id                 bigserial primary key,
    invoice_id         uuid        not null references invoice (id),
    outcome            text        not null check (outcome in ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
    amount_minor       bigint      not null,
    provider_reference text,
    recorded_at        timestamptz not null
);
create index payment_event_invoice_idx on payment_event (invoice_id);

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % is refused', tg_op, tg_table_name;
end $$;

create trigger invoice_append_only before update or delete on invoice
    for each row execute function ledger_is_append_only();
create trigger invoice_line_append_only before update or delete on invoice_line
    for each row execute function ledger_is_append_only();
create trigger payment_event_append_only before update or delete on payment_event
    for each row execute function ledger_is_append_only();
