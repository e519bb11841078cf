-- One database, one schema per service plus `tenancy` and `audit`.
-- Every table that holds tenant data follows the same shape (design.md, "Database roles and RLS"):
-- tenant_id uuid not null, RLS enabled AND forced, one policy with USING and WITH CHECK on the
-- transaction-local setting atc.tenant_id (a missing setting denies everything), indexes leading with tenant_id.
-- RowLevelSecurityCatalog refuses a migrated database where any table breaks this.

create schema tenancy;
create schema audit;
create schema keys;
create schema retention;
create schema edge;
create schema gateway;

grant usage on schema tenancy, audit, keys, retention, edge, gateway to "${app_role}";

create table tenancy.tenants (
    tenant_id  uuid        primary key,
    name       text        not null check (length(btrim(name)) between 1 and 200),
    created_at timestamptz not null default now()
);

alter table tenancy.tenants enable row level security;
alter table tenancy.tenants force row level security;
create policy tenant_isolation on tenancy.tenants
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

grant select, insert, update on tenancy.tenants to "${app_role}";

create table tenancy.sites (
    tenant_id  uuid        not null references tenancy.tenants (tenant_id),
    site_id    uuid        not null default gen_random_uuid(),
    name       text        not null check (length(btrim(name)) between 1 and 200),
    created_at timestamptz not null default now(),
    primary key (tenant_id, site_id),
    unique (tenant_id, name)
);

alter table tenancy.sites enable row level security;
alter table tenancy.sites force row level security;
create policy tenant_isolation on tenancy.sites
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

grant select, insert, update, delete on tenancy.sites to "${app_role}";
