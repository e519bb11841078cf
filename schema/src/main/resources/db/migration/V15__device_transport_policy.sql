-- How a tenant's devices may log in at the broker (docs/edge.md, "Transport policy"), agreed at
-- onboarding and changed by the tenant's admin: 'password-or-certificate' (a password on the plain
-- listener, or a certificate the platform issued on the mTLS listener) or 'certificate-only' (no
-- password client at the broker at all). A tenant without a row has the default,
-- 'password-or-certificate'.

create table edge.device_transport_policies (
    tenant_id  uuid        primary key references tenancy.tenants (tenant_id),
    policy     text        not null check (policy in ('password-or-certificate', 'certificate-only')),
    updated_at timestamptz not null default now()
);

alter table edge.device_transport_policies enable row level security;
alter table edge.device_transport_policies force row level security;
create policy tenant_isolation on edge.device_transport_policies
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

grant select, insert, update on edge.device_transport_policies to "${app_role}";

-- The broker reconciler compares every tenant's devices with the broker, so it must know which
-- tenants allow no password logins: tenant ids only, through an owner-only read policy (RLS is
-- forced, so the owner needs one too), as edge.device_directory() reads devices.
do $$
begin
    execute format('create policy platform_certificate_only_tenants on edge.device_transport_policies'
                   ' for select to %I using (true)', current_user);
end
$$;

create function edge.certificate_only_tenants()
    returns table (tenant_id uuid)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select p.tenant_id from edge.device_transport_policies p where p.policy = 'certificate-only'
$$;

revoke all on function edge.certificate_only_tenants() from public;
grant execute on function edge.certificate_only_tenants() to "${app_role}";
