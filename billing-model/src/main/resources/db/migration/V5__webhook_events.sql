-- Payments through Stripe (docs/payments.md).

-- R12: every provider event that took effect, by the provider's event id. A redelivery hits the primary key and
-- changes nothing. A row is written in the same transaction as the event's effect, so an event whose effect was
-- rolled back (database down, payment not committed yet) is not recorded and applies on redelivery.
create table webhook_event (
    id          text primary key,
    type        text        not null,
    received_at timestamptz not null
);

-- The Stripe customer and saved payment method charged off-session for this account. Set by the platform, which
-- owns the card collection (Stripe Checkout / SetupIntent); account-sync does not touch them. An account without
-- them cannot be charged through Stripe: its purchases fail with reason no_payment_method.
alter table account
    add column stripe_customer_id       text,
    add column stripe_payment_method_id text;

-- charge.refunded names the PaymentIntent, which we stored as the provider reference of its success
create index payment_event_provider_reference_idx on payment_event (provider_reference);
