-- Retention you control (docs/retention.md): per-site and tenant-default retention of events and images,
-- legal holds, the purge's run history and blob outbox, and the retention-service's own login role.
--
-- Least privilege (design.md): the retention-service logs in as "${retention_role}", the only role that
-- may delete ingested events and images. The other services keep select and insert on them, nothing more;
-- the migrator's catalog check refuses a database where another service role could delete them.

grant usage on schema tenancy, audit, retention, edge to "${retention_role}";

-- What every service's start-up check runs, and what an audited mutation needs.
grant execute on function audit.append(text, text, text, jsonb, bytea, bytea), audit.tombstone(bigint[]),
                          audit.tenants_without_chain_head()
    to "${retention_role}";
grant select on audit.events, audit.chain_heads to "${retention_role}";
grant select on tenancy.sites to "${retention_role}";
grant select on edge.devices to "${retention_role}";
grant select, delete on edge.events, edge.images to "${retention_role}";
grant select, update on edge.site_storage to "${retention_role}";

-- Age is counted from when the platform received a row, never from the device's own clock: a device
-- cannot keep its rows forever, or have them purged at once, by lying about occurred_at.
create index events_by_site_received on edge.events (tenant_id, site_id, received_at);

-- Keyset pagination of a site's events, newest first: (occurred_at, device_id, event_id) is unique per
-- tenant and orders rows that share a timestamp.
create index events_by_site_occurred_desc on edge.events (tenant_id, site_id, occurred_at desc, device_id desc, event_id desc);
drop index edge.events_by_site_time;

-- The tenant's default, which every site without its own value inherits. A null day count inherits the
-- platform default (ATC_RETENTION_DEFAULT_EVENTS_DAYS / _IMAGES_DAYS).
create table retention.tenant_defaults (
    tenant_id   uuid        primary key references tenancy.tenants (tenant_id),
    events_days integer     check (events_days between 1 and 3650),
    images_days integer     check (images_days between 1 and 3650),
    updated_at  timestamptz not null default now(),
    updated_by  text        not null check (length(updated_by) between 1 and 200)
);

-- A site's own values; a null day count inherits the tenant default. The row goes with its site.
create table retention.site_settings (
    tenant_id   uuid        not null,
    site_id     uuid        not null,
    events_days integer     check (events_days between 1 and 3650),
    images_days integer     check (images_days between 1 and 3650),
    updated_at  timestamptz not null default now(),
    updated_by  text        not null check (length(updated_by) between 1 and 200),
    primary key (tenant_id, site_id),
    foreign key (tenant_id, site_id) references tenancy.sites (tenant_id, site_id) on delete cascade
);

-- Legal holds on a site or on a device. While a hold is active (not released, and its end, if any, not
-- yet reached) nothing deletes the rows it covers: not the purge, not an erasure. No foreign key to the
-- site or device: stored history outlives both, and so must a hold on it.
create table retention.holds (
    tenant_id   uuid        not null references tenancy.tenants (tenant_id),
    hold_id     uuid        not null default gen_random_uuid(),
    site_id     uuid,
    device_id   uuid,
    reason      text        not null check (length(btrim(reason)) between 1 and 500),
    set_by      text        not null check (length(set_by) between 1 and 200),
    set_at      timestamptz not null default now(),
    ends_at     timestamptz,
    released_at timestamptz,
    released_by text        check (length(released_by) between 1 and 200),
    primary key (tenant_id, hold_id),
    check ((site_id is null) <> (device_id is null)),
    check ((released_at is null) = (released_by is null))
);

create index holds_by_site on retention.holds (tenant_id, site_id) where site_id is not null;
create index holds_by_device on retention.holds (tenant_id, device_id) where device_id is not null;

-- One row per purge of a site or per erasure: what it was asked to do and what it deleted so far. Each
-- deleting batch updates its run in the same transaction, so the counts and the digest of deleted ids
-- always match what committed; the run's audit event commits to them when it finishes.
create table retention.runs (
    tenant_id      uuid        not null references tenancy.tenants (tenant_id),
    run_id         uuid        not null default gen_random_uuid(),
    kind           text        not null check (kind in ('purge', 'erasure')),
    site_id        uuid        not null,
    device_id      uuid,
    reason         text        check (length(btrim(reason)) between 1 and 500),
    requested_by   text        not null check (length(requested_by) between 1 and 200),
    events_cutoff  timestamptz,
    images_cutoff  timestamptz,
    status         text        not null default 'running' check (status in ('running', 'finished', 'interrupted')),
    started_at     timestamptz not null default now(),
    finished_at    timestamptz,
    events_deleted bigint      not null default 0 check (events_deleted >= 0),
    event_bytes    bigint      not null default 0 check (event_bytes >= 0),
    images_deleted bigint      not null default 0 check (images_deleted >= 0),
    image_bytes    bigint      not null default 0 check (image_bytes >= 0),
    ids_digest     bytea       not null default '\x0000000000000000000000000000000000000000000000000000000000000000'
                               check (octet_length(ids_digest) = 32),
    audit_seq      bigint,
    primary key (tenant_id, run_id),
    check ((status = 'running') = (finished_at is null))
);

create index runs_by_site on retention.runs (tenant_id, site_id, started_at desc);
create index runs_by_start on retention.runs (tenant_id, started_at desc, run_id desc);
create index runs_running on retention.runs (tenant_id, run_id) where status = 'running';

-- The blob outbox: an image row's delete queues its blob here in the same transaction; the blob is
-- deleted only after that commit, and its queue row after the blob is gone. A crash in between leaves the
-- queue row, so the next run finishes the job; a blob whose key an image row still names is never deleted.
create table retention.blob_deletions (
    tenant_id uuid        not null references tenancy.tenants (tenant_id),
    blob_key  text        not null check (length(blob_key) between 1 and 500),
    run_id    uuid        not null,
    queued_at timestamptz not null default now(),
    primary key (tenant_id, blob_key)
);

do $$
declare
    t text;
begin
    foreach t in array array['retention.tenant_defaults', 'retention.site_settings', 'retention.holds',
                             'retention.runs', 'retention.blob_deletions']
    loop
        execute format('alter table %s enable row level security', t);
        execute format('alter table %s force row level security', t);
        execute format('create policy tenant_isolation on %s'
                       ' using (tenant_id = nullif(current_setting(''atc.tenant_id'', true), '''')::uuid)'
                       ' with check (tenant_id = nullif(current_setting(''atc.tenant_id'', true), '''')::uuid)', t);
    end loop;
end
$$;

grant select, insert, update, delete on retention.tenant_defaults, retention.site_settings to "${retention_role}";
grant select, insert, update on retention.holds, retention.runs to "${retention_role}";
grant select, insert, delete on retention.blob_deletions to "${retention_role}";

-- The edge-bridge publishes each site's effective settings to its appliances (docs/edge.md): it reads them.
grant usage on schema retention to "${app_role}";
grant select on retention.tenant_defaults, retention.site_settings to "${app_role}";

-- A change to a site's or a tenant's settings reaches every bridge replica when, and only when, it commits.
-- Payload: '<tenant>' for a tenant default, '<tenant>/<site>' for a site.
create function retention.notify_settings_changed()
    returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
declare
    r record := case when tg_op = 'DELETE' then old else new end;
begin
    if tg_table_name = 'site_settings' then
        perform pg_notify('atc_retention_changes', r.tenant_id::text || '/' || r.site_id::text);
    else
        perform pg_notify('atc_retention_changes', r.tenant_id::text);
    end if;
    return null;
end
$$;

create trigger settings_changed after insert or update or delete on retention.site_settings
    for each row execute function retention.notify_settings_changed();
create trigger settings_changed after insert or update or delete on retention.tenant_defaults
    for each row execute function retention.notify_settings_changed();

-- Platform-level reads (design.md: narrow, named, SECURITY DEFINER, only what the job needs), through
-- owner-only read policies (RLS is forced, so the owner needs them too).
do $$
begin
    execute format('create policy platform_retention_sweep on edge.site_storage for select to %I using (true)', current_user);
    execute format('create policy platform_retention_sweep on retention.runs for select to %I using (true)', current_user);
    execute format('create policy platform_retention_sweep on retention.blob_deletions for select to %I using (true)', current_user);
    execute format('create policy platform_retention_publish on tenancy.sites for select to %I using (true)', current_user);
    execute format('create policy platform_retention_publish on retention.site_settings for select to %I using (true)', current_user);
    execute format('create policy platform_retention_publish on retention.tenant_defaults for select to %I using (true)', current_user);
end
$$;

-- retention-service, the purge: the sites that hold stored rows (ids only), deleted sites included.
create function retention.sites_with_history()
    returns table (tenant_id uuid, site_id uuid)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select s.tenant_id, s.site_id from edge.site_storage s
     where s.event_count > 0 or s.image_count > 0
     order by s.tenant_id, s.site_id
$$;

-- retention-service, recovery: tenants with an unfinished run or a queued blob deletion (ids only).
create function retention.tenants_with_pending_work()
    returns table (tenant_id uuid)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select r.tenant_id from retention.runs r where r.status = 'running'
    union
    select b.tenant_id from retention.blob_deletions b
$$;

-- edge-bridge, on start: every site's own and tenant-default day counts, to publish the effective values.
create function retention.settings_to_publish()
    returns table (tenant_id uuid, site_id uuid, site_events_days integer, site_images_days integer,
                   tenant_events_days integer, tenant_images_days integer)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select s.tenant_id, s.site_id, ss.events_days, ss.images_days, td.events_days, td.images_days
      from tenancy.sites s
      left join retention.site_settings ss on ss.tenant_id = s.tenant_id and ss.site_id = s.site_id
      left join retention.tenant_defaults td on td.tenant_id = s.tenant_id
     order by s.tenant_id, s.site_id
$$;

revoke all on function retention.sites_with_history(), retention.tenants_with_pending_work(),
                       retention.settings_to_publish(), retention.notify_settings_changed()
    from public;
grant execute on function retention.sites_with_history(), retention.tenants_with_pending_work()
    to "${retention_role}";
grant execute on function retention.settings_to_publish() to "${app_role}";
