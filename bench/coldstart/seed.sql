-- Added to local/'s demo data (local/src/main/resources/db/demo/R__demo_data.sql) in the benchmark's template
-- database: a quote of acme's that has not expired, for the purchase function's first answer.
insert into quote (id, account_id, add_on, quantity, currency, unit_price_minor, cycle_price_minor, charge_now_minor,
                   cycle_start, cycle_end, cycle_days, days_remaining, created_at, expires_at)
values ('00000000-0000-4000-8000-00000000be01', 'acme', 'PRESENTERS', 1, 'EUR', 2000, 2000, 1200,
        current_date - 12, current_date + 18, 30, 18, now(), now() + interval '1 day');

-- For pay-past-due's first answer: an account of its own (so no other function sees a past-due renewal) whose
-- renewal at today's cycle start was refused and is in its grace period, with the purchase it made PAST_DUE.
insert into account (id, plan, billing_period, cycle_start, currency, time_zone, cycle_turns_at, created_at, updated_at)
values ('pastdue', 'LIVE', 'MONTHLY', current_date - 2, 'EUR', 'Europe/Paris',
        ((current_date + 28)::timestamp at time zone 'Europe/Paris'), now(), now());
insert into app_user (id, account_id, role, sub_account_id, name)
values ('owner-pastdue', 'pastdue', 'OWNER', null, 'Pat Pastdue');
insert into quote (id, account_id, add_on, quantity, currency, unit_price_minor, cycle_price_minor, charge_now_minor,
                   cycle_start, cycle_end, cycle_days, days_remaining, created_at, expires_at)
values ('00000000-0000-4000-8000-00000000be02', 'pastdue', 'PRESENTERS', 1, 'EUR', 2000, 2000, 2000,
        current_date - 32, current_date - 2, 30, 30, now() - interval '32 days', now() - interval '32 days' + interval '15 minutes');
with number as (
    insert into invoice_number_counter as c (year, last_seq)
    values (extract(year from now() at time zone 'UTC')::int, 1)
    on conflict (year) do update set last_seq = c.last_seq + 1
    returning c.year, c.last_seq)
insert into invoice (id, account_id, kind, cycle_start, cycle_end, currency, total_minor, issued_at, payment_key,
                     number_year, number_seq)
select '00000000-0000-4000-8000-00000000be03', 'pastdue', 'RENEWAL', current_date - 2, current_date + 28, 'EUR', 2000,
       now() - interval '2 days', 'renewal-pastdue-bench', n.year, n.last_seq
  from number n;
insert into purchase (id, account_id, quote_id, idempotency_key, add_on, quantity, status, purchased_at, active_from,
                      updated_at, past_due_invoice_id)
values ('00000000-0000-4000-8000-00000000be04', 'pastdue', '00000000-0000-4000-8000-00000000be02', 'bench-pastdue',
        'PRESENTERS', 1, 'PAST_DUE', now() - interval '32 days', current_date - 32, now(),
        '00000000-0000-4000-8000-00000000be03');
insert into invoice_line (invoice_id, line_no, purchase_id, add_on, quantity, unit_price_minor, amount_minor)
values ('00000000-0000-4000-8000-00000000be03', 1, '00000000-0000-4000-8000-00000000be04', 'PRESENTERS', 1, 2000, 2000);
insert into payment_event (invoice_id, outcome, amount_minor, provider_reference, recorded_at)
values ('00000000-0000-4000-8000-00000000be03', 'FAILED', 2000, 'local_bench_declined', now() - interval '2 days');
insert into renewal (invoice_id, account_id, cycle_start, status, failed_at, retries, next_retry_at, updated_at)
values ('00000000-0000-4000-8000-00000000be03', 'pastdue', current_date - 2, 'PAST_DUE', now() - interval '2 days', 1,
        now() + interval '1 day', now() - interval '2 days');

-- For event-relay's first answer: one unpublished event of that account in the outbox.
insert into outbox_event (id, type, payload, created_at, account_id, sequence)
values ('00000000-0000-4000-8000-00000000be05', 'renewal.failed',
        '{"id":"00000000-0000-4000-8000-00000000be05","type":"renewal.failed","accountId":"pastdue","sequence":1,"data":{}}',
        now() - interval '2 days', 'pastdue', 1);
update account set last_event_sequence = 1 where id = 'pastdue';
