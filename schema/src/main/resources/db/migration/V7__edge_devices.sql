-- Devices at a tenant's sites (design.md, "Edge"). A device's broker identity is derived from its
-- ids, so it is unique across tenants by construction and never needs a cross-tenant uniqueness
-- check (which would leak, through a conflict, that another tenant holds a name).
--
-- broker_username = 'd-' || device_id: the Mosquitto dynsec client name and the CN of the device's
-- certificate. Topics are atc/<tenant_id>/<site_id>/<device_id>/{events,images}.
-- The MQTT password is never stored here: the broker (dynsec) keeps only its own salted hash, and
-- the API returns the password exactly once, at registration or reset.

create table edge.devices (
    tenant_id       uuid        not null,
    site_id         uuid        not null,
    device_id       uuid        not null default gen_random_uuid(),
    name            text        not null check (length(btrim(name)) between 1 and 200),
    broker_username text        generated always as ('d-' || device_id::text) stored,
    enabled         boolean     not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, device_id),
    unique (tenant_id, site_id, name),
    foreign key (tenant_id, site_id) references tenancy.sites (tenant_id, site_id)
);

create index devices_by_broker_username on edge.devices (tenant_id, broker_username);

alter table edge.devices enable row level security;
alter table edge.devices force row level security;
create policy tenant_isolation on edge.devices
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

grant select, insert, update, delete on edge.devices to "${app_role}";

-- The ingest bridge receives messages for every tenant and must map a device to its registered
-- tenant and site before it trusts anything in the topic. This is that one platform-level read
-- across tenants: it returns only the routing columns, never names or anything else, through an
-- owner-only read policy (RLS is forced, so the owner needs one too).
do $$
begin
    execute format('create policy platform_device_directory on edge.devices for select to %I using (true)', current_user);
end
$$;

create function edge.device_directory()
    returns table (device_id uuid, tenant_id uuid, site_id uuid, enabled boolean)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select d.device_id, d.tenant_id, d.site_id, d.enabled from edge.devices d
$$;

revoke all on function edge.device_directory() from public;
grant execute on function edge.device_directory() to "${app_role}";
