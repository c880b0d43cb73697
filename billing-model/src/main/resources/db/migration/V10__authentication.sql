-- A payment the owner must authenticate (3-D Secure): what the provider asked for, kept so that a retried purchase
-- answers the same next action and the renewal tick can give up on it. Not part of the ledger (the PaymentIntent's
-- reference is also appended there as a PENDING payment event): a row here is only ever inserted, once per invoice.
create table payment_authentication (
    invoice_id         uuid primary key references invoice (id),
    provider_reference text        not null,
    client_secret      text        not null,
    requested_at       timestamptz not null
);
create index payment_authentication_requested_idx on payment_authentication (requested_at);
