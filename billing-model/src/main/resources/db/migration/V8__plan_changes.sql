-- Add-ons follow the account's plan (docs/plan-changes.md).

-- a billing period change takes effect at the turn: the stored cycle keeps its length, the tick starts the next
-- one in this period and clears it
alter table account add column pending_billing_period text check (pending_billing_period in ('MONTHLY', 'ANNUAL'));
-- when a sync last changed what a quote priced (plan paid or not, pending period, zone): older quotes expire
alter table account add column terms_changed_at timestamptz;

-- why a purchase is scheduled to end, or ended: the owner cancelled it, or the account left its paid plan (a
-- return to a paid plan lifts only the PLAN ends)
alter table purchase add column end_reason text check (end_reason in ('OWNER', 'PLAN'));
update purchase set end_reason = 'OWNER' where cancelled_at is not null;
