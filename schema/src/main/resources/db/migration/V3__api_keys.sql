-- Display-once API keys (design.md, "API keys"; docs/keys.md). Nothing here can reconstruct a key:
-- the secret exists only as an argon2id hash (parameters inside the encoded string), plus the
-- public prefix atc_<env>_<id> and a 16-character keyed fingerprint (HMAC with a pepper that is
-- not in the database) used to find the row.

create table keys.api_keys (
    tenant_id       uuid        not null references tenancy.tenants (tenant_id),
    key_id          uuid        not null default gen_random_uuid(),
    prefix          text        not null check (prefix ~ '^atc_[a-z][a-z0-9]{1,15}_[0-9A-Za-z]{12}$'),
    fingerprint     text        not null check (fingerprint ~ '^[0-9a-f]{16}$'),
    secret_hash     text        not null check (secret_hash like '$argon2id$%'),
    name            text        not null check (length(btrim(name)) between 1 and 200),
    scopes          text[]      not null check (cardinality(scopes) > 0),
    allowed_cidrs   cidr[]      not null default '{}',
    allowed_origins text[]      not null default '{}',
    expires_at      timestamptz,
    revoked_at      timestamptz,
    rotated_to      uuid,
    created_at      timestamptz not null default now(),
    created_by      text        not null,
    primary key (tenant_id, key_id)
);

-- Single-column on purpose: the gateway finds a key before it knows the tenant.
create unique index api_keys_by_fingerprint on keys.api_keys (fingerprint);
create unique index api_keys_by_prefix on keys.api_keys (prefix);

alter table keys.api_keys enable row level security;
alter table keys.api_keys force row level security;
create policy tenant_isolation on keys.api_keys
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

grant select, insert, update on keys.api_keys to "${app_role}";

-- Key verification needs the row a fingerprint names, across tenants: an owner-only read policy,
-- reachable only through this function, which returns only what verification needs.
do $$
begin
    execute format('create policy platform_key_lookup on keys.api_keys for select to %I using (true)', current_user);
end
$$;

create function keys.key_by_fingerprint(p_fingerprint text)
    returns table (tenant_id uuid, key_id uuid, prefix text, secret_hash text, scopes text[],
                   allowed_cidrs cidr[], allowed_origins text[], expires_at timestamptz, revoked_at timestamptz)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select k.tenant_id, k.key_id, k.prefix, k.secret_hash, k.scopes, k.allowed_cidrs, k.allowed_origins,
           k.expires_at, k.revoked_at
      from keys.api_keys k where k.fingerprint = p_fingerprint
$$;

revoke all on function keys.key_by_fingerprint(text) from public;
grant execute on function keys.key_by_fingerprint(text) to "${app_role}";
