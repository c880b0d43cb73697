-- The two database roles of a deployment (terraform/database-roles.tf): billing_app, as which every function but
-- migrate logs in, and billing_migrator, as which migrate logs in and which owns the schema. In AWS the migrate
-- function creates both with LOGIN and the passwords of their secrets before it migrates (MigrateHandler); here,
-- on a database where they do not exist yet (embedded, dev, tests), they are created without LOGIN so that the
-- grants below hold everywhere.
do $$
begin
    if not exists (select from pg_roles where rolname = 'billing_app') then
        create role billing_app nologin;
    end if;
    if not exists (select from pg_roles where rolname = 'billing_migrator') then
        create role billing_migrator nologin;
    end if;
end
$$;

-- The application reads and writes rows, nothing else: no DDL, no TRUNCATE, no migration history...
grant usage on schema public to billing_app;
grant select, insert, update, delete on all tables in schema public to billing_app;
grant usage, select on all sequences in schema public to billing_app;
revoke all on flyway_schema_history from billing_app;
-- ...and the ledger is append-only for it, not only by the triggers of V1.
revoke update, delete on invoice, invoice_line, payment_event from billing_app;

-- Tables of later migrations get the same DML grants; a new ledger table must revoke UPDATE and DELETE as above.
alter default privileges in schema public grant select, insert, update, delete on tables to billing_app;
alter default privileges in schema public grant usage, select on sequences to billing_app;
