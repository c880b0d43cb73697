-- A sub-account's own data (SPEC R9): its events, recordings and files. Each row names its sub-account by a
-- foreign key WITHOUT "on delete cascade": the erasure deletes every kind of row itself and counts it, and a
-- table added later that the erasure forgets makes the deletion of the sub-account fail instead of leaving
-- data behind.

create table sub_account_event (
    id             uuid primary key,
    sub_account_id uuid        not null references sub_account (id),
    title          text        not null,
    starts_at      timestamptz,
    created_at     timestamptz not null
);
create index sub_account_event_sub_account_idx on sub_account_event (sub_account_id);

create table sub_account_recording (
    id               uuid primary key,
    sub_account_id   uuid        not null references sub_account (id),
    event_id         uuid references sub_account_event (id),
    title            text        not null,
    duration_seconds int         not null check (duration_seconds >= 0),
    -- where another service of the platform holds the media; it learns of the erasure from the outbox
    storage_key      text,
    created_at       timestamptz not null
);
create index sub_account_recording_sub_account_idx on sub_account_recording (sub_account_id);
create index sub_account_recording_event_idx on sub_account_recording (event_id);

create table sub_account_file (
    id             uuid primary key,
    sub_account_id uuid        not null references sub_account (id),
    name           text        not null,
    size_bytes     bigint      not null check (size_bytes >= 0),
    storage_key    text,
    created_at     timestamptz not null
);
create index sub_account_file_sub_account_idx on sub_account_file (sub_account_id);

-- The audit trail of erasures: ids, counts and time only, never a name. The erased sub-account is named by
-- id without a foreign key (the row it named is gone), and deliberately not in a column called
-- "sub_account_id": that name means "data of a live sub-account" in this schema.
create table sub_account_erasure (
    erased_sub_account_id uuid primary key,
    account_id            text        not null references account (id),
    purchase_id           uuid        not null references purchase (id),
    users                 int         not null check (users >= 0),
    events                int         not null check (events >= 0),
    recordings            int         not null check (recordings >= 0),
    files                 int         not null check (files >= 0),
    erased_at             timestamptz not null
);
create index sub_account_erasure_account_idx on sub_account_erasure (account_id);

-- Transactional outbox: events for the platform's other services, written in the transaction of the change
-- they announce and published afterwards (published_at set by the publisher). Payloads carry ids only.
create table outbox_event (
    id           uuid primary key,
    type         text        not null check (length(type) between 1 and 100),
    payload      jsonb       not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_event_unpublished_idx on outbox_event (created_at) where published_at is null;
