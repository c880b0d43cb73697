-- Invoice numbers (docs/payments.md, "Invoice numbers"): one gapless series per calendar year of the issuer,
-- shown as YYYY-NNNNNN. A writer takes its numbers by updating the year's counter row in the transaction that
-- inserts the invoices: the row lock holds until it commits, and a rollback gives the numbers back, so no
-- number is ever skipped nor used twice. The renewal tick reserves a whole batch's block in one statement.
-- The year is the issue instant's year in UTC (InvoiceNumber.ISSUER_ZONE in billing-core).
create table invoice_number_counter (
    year     int primary key check (year between 2000 and 9999),
    last_seq bigint not null check (last_seq >= 0)
);

-- set at insert like every other ledger column; cycle_end is the end of the cycle the invoice charges for
alter table invoice add column number_year int;
alter table invoice add column number_seq bigint;
alter table invoice add column cycle_end date;

-- the invoices issued before this migration are numbered in issue order: the one rewrite the ledger allows,
-- made by the schema's owner with the append-only trigger off inside this migration's transaction
alter table invoice disable trigger invoice_append_only;
update invoice i
   set number_year = n.year, number_seq = n.seq
  from (select id, extract(year from issued_at at time zone 'UTC')::int as year,
               row_number() over (partition by extract(year from issued_at at time zone 'UTC')
                                  order by issued_at, id) as seq
          from invoice) n
 where n.id = i.id;
-- a purchase charges from its quote's cycle start to its end; a renewal until the next renewal of the account,
-- or for the account's period when none followed
update invoice i
   set cycle_end = q.cycle_end
  from invoice_line l
  join purchase p on p.id = l.purchase_id
  join quote q on q.id = p.quote_id
 where i.kind = 'PURCHASE' and l.invoice_id = i.id and l.line_no = 1;
update invoice i
   set cycle_end = coalesce(
           (select min(n.cycle_start) from invoice n
             where n.kind = 'RENEWAL' and n.account_id = i.account_id and n.cycle_start > i.cycle_start),
           i.cycle_start + (select case a.billing_period when 'MONTHLY' then 30 else 365 end
                              from account a where a.id = i.account_id))
 where i.kind = 'RENEWAL' or i.cycle_end is null;
alter table invoice enable trigger invoice_append_only;

insert into invoice_number_counter (year, last_seq)
select number_year, max(number_seq) from invoice group by number_year;

alter table invoice alter column number_year set not null;
alter table invoice alter column number_seq set not null;
alter table invoice alter column cycle_end set not null;
alter table invoice add constraint invoice_number_positive check (number_seq >= 1);
alter table invoice add constraint invoice_one_per_number unique (number_year, number_seq);
-- the owner's invoices, newest first: the invoices function pages on the number
create index invoice_account_number_idx on invoice (account_id, number_year desc, number_seq desc);
