-- Added to local/'s demo data (local/src/main/resources/db/demo/R__demo_data.sql) in the benchmark's template
-- database: a quote of acme's that has not expired, for the purchase function's first answer.
insert into quote (id, account_id, add_on, quantity, currency, unit_price_minor, cycle_price_minor, charge_now_minor,
                   cycle_start, cycle_end, cycle_days, days_remaining, created_at, expires_at)
values ('00000000-0000-4000-8000-00000000be01', 'acme', 'PRESENTERS', 1, 'EUR', 2000, 2000, 1200,
        current_date - 12, current_date + 18, 30, 18, now(), now() + interval '1 day');
