-- SPEC §3. Prices per unit in minor units (JPY has no minor digits).
insert into add_on (code, kind, max_quantity) values
    ('PRESENTERS', 'RECURRING', 100),
    ('PARALLEL_EVENTS', 'RECURRING', 100),
    ('SUB_ACCOUNTS', 'RECURRING', 100),
    ('STORAGE', 'RECURRING', 100),
    ('RECORDING_SPACE', 'RECURRING', 100),
    ('USERNAME_CHANGE', 'ONE_TIME', 1);

insert into catalog_price (add_on, billing_period, currency, valid_from, unit_price_minor)
select p.add_on, p.billing_period, c.currency, date '2000-01-01',
       case c.currency
           when 'EUR' then p.eur_minor
           when 'USD' then p.eur_minor
           when 'PLN' then p.pln_minor
           when 'JPY' then p.jpy_minor
       end
from (values
          ('PRESENTERS', 'MONTHLY', 2000, 8000, 3000),
          ('PRESENTERS', 'ANNUAL', 20000, 80000, 30000),
          ('PARALLEL_EVENTS', 'MONTHLY', 4000, 16000, 6000),
          ('PARALLEL_EVENTS', 'ANNUAL', 40000, 160000, 60000),
          ('SUB_ACCOUNTS', 'MONTHLY', 3000, 12000, 4500),
          ('SUB_ACCOUNTS', 'ANNUAL', 30000, 120000, 45000),
          ('STORAGE', 'MONTHLY', 1000, 4000, 1500),
          ('STORAGE', 'ANNUAL', 10000, 40000, 15000),
          ('RECORDING_SPACE', 'MONTHLY', 1500, 6000, 2250),
          ('RECORDING_SPACE', 'ANNUAL', 15000, 60000, 22500),
          ('USERNAME_CHANGE', 'MONTHLY', 1500, 6000, 2250),
          ('USERNAME_CHANGE', 'ANNUAL', 1500, 6000, 2250)
     ) as p(add_on, billing_period, eur_minor, pln_minor, jpy_minor)
cross join (values ('EUR'), ('USD'), ('PLN'), ('JPY')) as c(currency);
