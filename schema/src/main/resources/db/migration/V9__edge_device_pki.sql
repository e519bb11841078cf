-- Per-tenant mTLS for devices (docs/edge.md, "Device certificates").
--
-- The platform root CA never touches the database: its key comes from a secret. Each tenant gets one
-- intermediate CA, created on first use; its private key is stored only AES-256-GCM encrypted under a
-- key-encryption key from config (the KEK), never in clear. A device's private key is never stored at
-- all: the API either signs the device's CSR or returns a generated key exactly once.

create table edge.pki_intermediates (
    tenant_id       uuid        primary key references tenancy.tenants (tenant_id),
    certificate     bytea       not null,
    -- AES-256-GCM(PKCS#8 DER of the key), associated data binding it to this tenant.
    key_ciphertext  bytea       not null,
    key_nonce       bytea       not null check (length(key_nonce) = 12),
    -- Which KEK sealed the key (a digest of it, not the key), so a wrong KEK is named, not guessed at.
    kek_id          text        not null,
    not_after       timestamptz not null,
    -- The intermediate's current CRL (DER), re-signed on every revocation and before it expires.
    crl             bytea       not null,
    crl_number      bigint      not null check (crl_number > 0),
    crl_this_update timestamptz not null,
    crl_next_update timestamptz not null,
    created_at      timestamptz not null default now()
);

alter table edge.pki_intermediates enable row level security;
alter table edge.pki_intermediates force row level security;
create policy tenant_isolation on edge.pki_intermediates
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

-- Created once; afterwards only its CRL changes.
grant select, insert on edge.pki_intermediates to "${app_role}";
grant update (crl, crl_number, crl_this_update, crl_next_update) on edge.pki_intermediates to "${app_role}";

-- Every certificate issued to a device, kept (revoked or not) until it expires, for the CRL. No foreign
-- key to edge.devices: a deleted device's certificates must outlive it (revoked) until they expire.
create table edge.device_certificates (
    tenant_id         uuid        not null references edge.pki_intermediates (tenant_id),
    serial            text        not null check (serial ~ '^[0-9a-f]{1,40}$'),
    device_id         uuid        not null,
    site_id           uuid        not null,
    subject           text        not null,
    fingerprint       text        not null check (fingerprint ~ '^[0-9a-f]{64}$'),
    key_source        text        not null check (key_source in ('csr', 'generated')),
    certificate       bytea       not null,
    not_before        timestamptz not null,
    not_after         timestamptz not null,
    issued_at         timestamptz not null default now(),
    revoked_at        timestamptz,
    revocation_reason text        check (revocation_reason in ('superseded', 'cessation_of_operation')),
    primary key (tenant_id, serial),
    check ((revoked_at is null) = (revocation_reason is null))
);

create index device_certificates_active_by_device on edge.device_certificates (tenant_id, device_id)
    where revoked_at is null;
create index device_certificates_revoked on edge.device_certificates (tenant_id, not_after)
    where revoked_at is not null;

alter table edge.device_certificates enable row level security;
alter table edge.device_certificates force row level security;
create policy tenant_isolation on edge.device_certificates
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

-- A certificate is immutable once issued, except for being revoked; and a revocation is final.
grant select, insert on edge.device_certificates to "${app_role}";
grant update (revoked_at, revocation_reason) on edge.device_certificates to "${app_role}";

create function edge.revocation_is_final() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    if old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
        raise exception 'certificate % is revoked; a revocation cannot be undone or changed', old.serial
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;

create trigger revocation_is_final before update on edge.device_certificates
    for each row execute function edge.revocation_is_final();

-- Whatever code path deletes a device, its certificates are revoked in the same transaction. The CRL is
-- re-signed by the edge-bridge's CRL refresher, which looks for revocations newer than the CRL.
create function edge.revoke_certificates_of_deleted_device() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    update edge.device_certificates
       set revoked_at = now(), revocation_reason = 'cessation_of_operation'
     where tenant_id = old.tenant_id and device_id = old.device_id and revoked_at is null;
    return old;
end
$$;

create trigger revoke_certificates_of_deleted_device after delete on edge.devices
    for each row execute function edge.revoke_certificates_of_deleted_device();

-- Two platform-level jobs of the bridge read across tenants. The broker's CRL file holds every
-- tenant's CRL; and the broker reconciler keeps a certificate login (a dynsec client named by the
-- subject) for exactly the enabled devices with a valid certificate. These three functions are that
-- narrow path: they return only CRLs (public documents), the ids of tenants whose CRL must be
-- re-signed, and the ids of devices with a valid certificate; never keys, certificates or other
-- device data. The owner reads through its own read-only policies (RLS is forced, so the owner needs
-- them too).
do $$
begin
    execute format('create policy platform_pki_reads on edge.pki_intermediates for select to %I using (true)',
                   current_user);
    execute format('create policy platform_pki_reads on edge.device_certificates for select to %I using (true)',
                   current_user);
end
$$;

create function edge.published_crls()
    returns table (crl bytea)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select i.crl from edge.pki_intermediates i order by i.tenant_id
$$;

-- Tenants whose CRL expires before `horizon`, or misses a revocation made since it was signed.
create function edge.tenants_with_crl_due(horizon timestamptz)
    returns table (tenant_id uuid)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select i.tenant_id from edge.pki_intermediates i
     where i.crl_next_update < horizon
        or exists (select 1 from edge.device_certificates c
                    where c.tenant_id = i.tenant_id and c.revoked_at > i.crl_this_update)
     order by i.tenant_id
$$;

-- Devices holding a certificate that is neither revoked nor expired.
create function edge.devices_with_valid_certificate()
    returns table (tenant_id uuid, device_id uuid)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select distinct c.tenant_id, c.device_id from edge.device_certificates c
     where c.revoked_at is null and c.not_after > now()
$$;

revoke all on function edge.published_crls() from public;
revoke all on function edge.tenants_with_crl_due(timestamptz) from public;
grant execute on function edge.published_crls() to "${app_role}";
grant execute on function edge.tenants_with_crl_due(timestamptz) to "${app_role}";
revoke all on function edge.devices_with_valid_certificate() from public;
grant execute on function edge.devices_with_valid_certificate() to "${app_role}";
