-- Local mode only (SPEC §6): a paid monthly EUR account with an owner, a member and a sub-account user
-- (in a seat of a 2-seat SUB_ACCOUNTS purchase), a free-trial account, an account whose card is declined, and a
-- JPY account whose bank asks its owner for 3-D Secure (the local provider reads the '-3ds' suffix).
-- Cycles are placed around today so that the demo quotes a prorated price whenever it is run.
insert into account (id, plan, billing_period, cycle_start, currency, time_zone, cycle_turns_at, created_at, updated_at)
values ('acme', 'LIVE', 'MONTHLY', current_date - 12, 'EUR', 'Europe/Paris',
        ((current_date + 18)::timestamp at time zone 'Europe/Paris'), now(), now()),
       ('trial', 'FREE_TRIAL', 'MONTHLY', current_date - 3, 'EUR', 'Europe/Paris',
        ((current_date + 27)::timestamp at time zone 'Europe/Paris'), now(), now()),
       ('globex', 'ENTERPRISE', 'ANNUAL', current_date - 100, 'USD', 'America/New_York',
        ((current_date + 265)::timestamp at time zone 'America/New_York'), now(), now()),
       ('initech', 'LIVE', 'MONTHLY', current_date - 5, 'JPY', 'Asia/Tokyo',
        ((current_date + 25)::timestamp at time zone 'Asia/Tokyo'), now(), now());

insert into quote (id, account_id, add_on, quantity, currency, unit_price_minor, cycle_price_minor, charge_now_minor,
                   cycle_start, cycle_end, cycle_days, days_remaining, created_at, expires_at)
values ('00000000-0000-4000-8000-000000000001', 'acme', 'SUB_ACCOUNTS', 2, 'EUR', 3000, 6000, 6000,
        current_date - 12, current_date + 18, 30, 30, now() - interval '12 days', now() - interval '12 days' + interval '15 minutes');

insert into purchase (id, account_id, quote_id, idempotency_key, add_on, quantity, status, purchased_at, active_from, updated_at)
values ('00000000-0000-4000-8000-0000000000a1', 'acme', '00000000-0000-4000-8000-000000000001', 'demo-seed',
        'SUB_ACCOUNTS', 2, 'ACTIVE', now() - interval '12 days', current_date - 12, now());

-- the invoice takes the next number of its year's series, as LedgerRepository.append does
with number as (
    insert into invoice_number_counter as c (year, last_seq)
    values (extract(year from (now() - interval '12 days') at time zone 'UTC')::int, 1)
    on conflict (year) do update set last_seq = c.last_seq + 1
    returning c.year, c.last_seq)
insert into invoice (id, account_id, kind, cycle_start, cycle_end, currency, total_minor, issued_at, payment_key,
                     number_year, number_seq)
select '00000000-0000-4000-8000-0000000000b1', 'acme', 'PURCHASE', current_date - 12, current_date + 18, 'EUR', 6000,
       now() - interval '12 days', 'purchase-00000000-0000-4000-8000-0000000000a1', n.year, n.last_seq
  from number n;
insert into invoice_line (invoice_id, line_no, purchase_id, add_on, quantity, unit_price_minor, amount_minor)
values ('00000000-0000-4000-8000-0000000000b1', 1, '00000000-0000-4000-8000-0000000000a1', 'SUB_ACCOUNTS', 2, 3000, 6000);
insert into payment_event (invoice_id, outcome, amount_minor, provider_reference, recorded_at)
values ('00000000-0000-4000-8000-0000000000b1', 'SUCCEEDED', 6000, 'local_demo', now() - interval '12 days');

insert into sub_account (id, account_id, purchase_id, name, storage_gb, recording_hours, created_at)
values ('00000000-0000-4000-8000-0000000000c1', 'acme', '00000000-0000-4000-8000-0000000000a1', 'Training team', 5, 2,
        now() - interval '11 days');

insert into app_user (id, account_id, role, sub_account_id, name)
values ('owner-acme', 'acme', 'OWNER', null, 'Alice Owner'),
       ('member-acme', 'acme', 'MEMBER', null, 'Bob Member'),
       ('subuser-acme', 'acme', 'SUB_ACCOUNT_USER', '00000000-0000-4000-8000-0000000000c1', 'Carol Trainer'),
       ('owner-trial', 'trial', 'OWNER', null, 'Dan Trial'),
       ('owner-globex-declined', 'globex', 'OWNER', null, 'Erin Declined'),
       ('owner-initech-3ds', 'initech', 'OWNER', null, 'Ivy Initech');

-- The sub-account's own data: erased with it by subaccount-delete, or when the purchase of its seat ends.
insert into sub_account_event (id, sub_account_id, title, starts_at, created_at)
values ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000c1', 'Onboarding webinar',
        now() + interval '3 days', now() - interval '10 days'),
       ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-0000000000c1', 'Product training',
        now() - interval '2 days', now() - interval '9 days');
insert into sub_account_recording (id, sub_account_id, event_id, title, duration_seconds, storage_key, created_at)
values ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000c1',
        '00000000-0000-4000-8000-0000000000d2', 'Product training (recording)', 3540,
        'recordings/00000000-0000-4000-8000-0000000000e1.mp4', now() - interval '2 days');
insert into sub_account_file (id, sub_account_id, name, size_bytes, storage_key, created_at)
values ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000c1', 'training-slides.pdf',
        2400000, 'files/00000000-0000-4000-8000-0000000000f1', now() - interval '9 days'),
       ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000c1', 'attendee-handout.pdf',
        350000, 'files/00000000-0000-4000-8000-0000000000f2', now() - interval '9 days');
