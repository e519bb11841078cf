-- The per-tenant hash-chained audit trail (design.md, "Audit chain"; docs/audit.md has the encoding).
-- Writers never touch these tables directly: the service role may only call audit.append (inside its
-- tenant transaction), audit.start_chain (at tenant creation) and audit.tombstone (erasure).
-- Guard triggers refuse every other change, so even a bug in the owner's own functions cannot
-- rewrite history or move a head backwards.

create table audit.chain_heads (
    tenant_id      uuid        primary key references tenancy.tenants (tenant_id),
    seq            bigint      not null check (seq >= 0),
    head_hash      bytea       not null check (octet_length(head_hash) = 32),
    prev_head_hash bytea       not null check (octet_length(prev_head_hash) = 32),
    updated_at     timestamptz not null
) with (fillfactor = 50);

create table audit.events (
    tenant_id     uuid        not null references tenancy.tenants (tenant_id),
    seq           bigint      not null check (seq >= 0),
    version       smallint    not null,
    prev_hash     bytea       not null check (octet_length(prev_hash) = 32),
    hash          bytea       not null check (octet_length(hash) = 32),
    occurred_at   timestamptz not null,
    actor         text        not null,
    action        text        not null,
    target        text        not null,
    payload       jsonb,
    payload_salt  bytea,
    payload_hash  bytea       not null check (octet_length(payload_hash) = 32),
    tombstoned_at timestamptz,
    primary key (tenant_id, seq),
    unique (tenant_id, prev_hash),
    check ((tombstoned_at is null) = (payload is not null and payload_salt is not null))
);

create index events_by_target on audit.events (tenant_id, target);

alter table audit.chain_heads enable row level security;
alter table audit.chain_heads force row level security;
create policy tenant_isolation on audit.chain_heads
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

alter table audit.events enable row level security;
alter table audit.events force row level security;
create policy tenant_isolation on audit.events
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

-- The start-up check must see every tenant's head: a read-only policy for the owner role alone,
-- used only through the narrow SECURITY DEFINER function below (never by the service role).
do $$
begin
    execute format('create policy platform_chain_check on tenancy.tenants for select to %I using (true)', current_user);
    execute format('create policy platform_chain_check on audit.chain_heads for select to %I using (true)', current_user);
end
$$;

-- Version 1 of the row hash: SHA-256 over a fixed, length-prefixed binary encoding.
-- io.atc.core.audit.AuditRecordHash is the independent Java implementation the verifier uses.
create function audit.entry_hash_v1(p_tenant uuid, p_seq bigint, p_prev bytea, p_occurred_at timestamptz,
                                    p_actor text, p_action text, p_target text, p_payload_hash bytea)
    returns bytea
    language sql immutable strict parallel safe
as $$
    select sha256(
        convert_to('ATC-AUDIT', 'UTF8')
        || int2send(1::int2)
        || uuid_send(p_tenant)
        || int8send(p_seq)
        || p_prev
        || int8send((extract(epoch from p_occurred_at) * 1000000)::int8)
        || int4send(octet_length(convert_to(p_actor, 'UTF8'))) || convert_to(p_actor, 'UTF8')
        || int4send(octet_length(convert_to(p_action, 'UTF8'))) || convert_to(p_action, 'UTF8')
        || int4send(octet_length(convert_to(p_target, 'UTF8'))) || convert_to(p_target, 'UTF8')
        || p_payload_hash)
$$;

create function audit.bound_tenant() returns uuid
    language plpgsql stable
as $$
declare
    v_tenant uuid := nullif(current_setting('atc.tenant_id', true), '')::uuid;
begin
    if v_tenant is null then
        raise exception 'audit: no tenant is bound to this transaction' using errcode = '42501';
    end if;
    return v_tenant;
end
$$;

-- Appends one event to the bound tenant's chain, in the caller's transaction, in one round trip and
-- two statements: one UPDATE locks the head row (never "the last event", which forks under
-- concurrency), advances it and computes the new row hash from the old head; one INSERT writes the
-- event. The hash expression is audit.entry_hash_v1's, inlined because a function call per append
-- costs measurably (docs/benchmarks.md); AuditAppendTests proves the result equals the Java encoding.
create function audit.append(p_actor text, p_action text, p_target text,
                             p_payload jsonb, p_payload_salt bytea, p_payload_hash bytea,
                             out seq bigint, out hash bytea)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant uuid := nullif(current_setting('atc.tenant_id', true), '')::uuid;
    v_now timestamptz := now();
    v_prev bytea;
begin
    if v_tenant is null then
        raise exception 'audit: no tenant is bound to this transaction' using errcode = '42501';
    end if;
    if p_payload is null or octet_length(p_payload_salt) < 16 or octet_length(p_payload_hash) <> 32 then
        raise exception 'audit: payload, a salt of at least 16 bytes and a 32-byte payload hash are required'
            using errcode = '22023';
    end if;
    update audit.chain_heads h
       set seq = h.seq + 1,
           prev_head_hash = h.head_hash,
           head_hash = sha256(
               convert_to('ATC-AUDIT', 'UTF8')
               || int2send(1::int2)
               || uuid_send(v_tenant)
               || int8send(h.seq + 1)
               || h.head_hash
               || int8send((extract(epoch from v_now) * 1000000)::int8)
               || int4send(octet_length(convert_to(p_actor, 'UTF8'))) || convert_to(p_actor, 'UTF8')
               || int4send(octet_length(convert_to(p_action, 'UTF8'))) || convert_to(p_action, 'UTF8')
               || int4send(octet_length(convert_to(p_target, 'UTF8'))) || convert_to(p_target, 'UTF8')
               || p_payload_hash),
           updated_at = v_now
     where h.tenant_id = v_tenant
    returning h.seq, h.head_hash, h.prev_head_hash into seq, hash, v_prev;
    if not found then
        raise exception 'audit: tenant % has no chain head', v_tenant using errcode = 'P0002';
    end if;
    insert into audit.events (tenant_id, seq, version, prev_hash, hash, occurred_at, actor, action, target,
                              payload, payload_salt, payload_hash)
    values (v_tenant, seq, 1, v_prev, hash, v_now, p_actor, p_action, p_target,
            p_payload, p_payload_salt, p_payload_hash);
end
$$;

-- Starts the bound tenant's chain: the genesis event (seq 0, previous hash all zeros, payload {})
-- and its head, in the transaction that creates the tenant.
create function audit.start_chain()
    returns table (seq bigint, hash bytea)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant uuid := audit.bound_tenant();
    v_now timestamptz := now();
    v_zero bytea := decode(repeat('00', 32), 'hex');
    v_salt bytea := uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid());
    v_payload_hash bytea := sha256(v_salt || convert_to('{}', 'UTF8'));
    v_hash bytea := audit.entry_hash_v1(v_tenant, 0, v_zero, v_now, 'platform', 'audit.chain.started',
                                        'tenant:' || v_tenant, v_payload_hash);
begin
    insert into audit.events (tenant_id, seq, version, prev_hash, hash, occurred_at, actor, action, target,
                              payload, payload_salt, payload_hash)
    values (v_tenant, 0, 1, v_zero, v_hash, v_now, 'platform', 'audit.chain.started', 'tenant:' || v_tenant,
            '{}'::jsonb, v_salt, v_payload_hash);
    insert into audit.chain_heads (tenant_id, seq, head_hash, prev_head_hash, updated_at)
    values (v_tenant, 0, v_hash, v_zero, v_now);
    return query select 0::bigint, v_hash;
end
$$;

-- Erasure: clears payload and salt of the bound tenant's given events, keeps payload_hash, so the
-- chain still verifies. Returns the seqs it tombstoned (already tombstoned ones are skipped, and
-- erasure events themselves are kept: they are the record of what was erased, and hold no subject data).
create function audit.tombstone(p_seqs bigint[])
    returns table (seq bigint)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant uuid := audit.bound_tenant();
begin
    return query
    update audit.events e set payload = null, payload_salt = null, tombstoned_at = now()
     where e.tenant_id = v_tenant and e.seq = any (p_seqs) and e.tombstoned_at is null
       and e.action <> 'audit.erasure'
    returning e.seq;
end
$$;

-- The one platform-level read: which tenants lack an initialised chain head. Returns ids only.
create function audit.tenants_without_chain_head()
    returns setof uuid
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select t.tenant_id from tenancy.tenants t
     where not exists (select 1 from audit.chain_heads h where h.tenant_id = t.tenant_id)
     order by t.tenant_id
$$;

-- Platform-level reads for operator jobs (verifier, checkpoints): tenant ids, and chain heads that
-- moved since a time. Nothing else of any tenant leaves through them.
create function audit.tenant_ids()
    returns setof uuid
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select t.tenant_id from tenancy.tenants t order by t.tenant_id
$$;

create function audit.chain_heads_since(p_since timestamptz)
    returns table (tenant_id uuid, seq bigint, head_hash bytea, updated_at timestamptz)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select h.tenant_id, h.seq, h.head_hash, h.updated_at from audit.chain_heads h
     where h.updated_at >= p_since order by h.tenant_id
$$;

-- A tenant cannot commit without the genesis of its chain.
create function audit.require_chain_head() returns trigger
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if not exists (select 1 from audit.chain_heads h where h.tenant_id = new.tenant_id) then
        raise exception 'audit: tenant % was created without the genesis of its audit chain', new.tenant_id
            using errcode = '23514';
    end if;
    return null;
end
$$;

create constraint trigger tenants_have_chain_head after insert on tenancy.tenants
    deferrable initially deferred
    for each row execute function audit.require_chain_head();

-- Guards: history is append-only; the only permitted change to an event is its tombstone, and a
-- head may only advance by one, remembering the hash it advanced from.
create function audit.events_guard() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        if old.tombstoned_at is null and new.tombstoned_at is not null
           and new.payload is null and new.payload_salt is null
           and (new.tenant_id, new.seq, new.version, new.prev_hash, new.hash, new.occurred_at, new.actor,
                new.action, new.target, new.payload_hash)
               is not distinct from
               (old.tenant_id, old.seq, old.version, old.prev_hash, old.hash, old.occurred_at, old.actor,
                old.action, old.target, old.payload_hash) then
            return new;
        end if;
    end if;
    raise exception 'audit: % on audit.events would rewrite history', tg_op using errcode = '42501';
end
$$;

create function audit.chain_heads_guard() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        if new.tenant_id = old.tenant_id and new.seq = old.seq + 1 and new.prev_head_hash = old.head_hash then
            return new;
        end if;
    end if;
    raise exception 'audit: % on audit.chain_heads would move a chain head other than one step forward', tg_op
        using errcode = '42501';
end
$$;

create trigger events_append_only before update or delete on audit.events
    for each row execute function audit.events_guard();
create trigger events_no_truncate before truncate on audit.events
    for each statement execute function audit.events_guard();
create trigger chain_heads_forward_only before update or delete on audit.chain_heads
    for each row execute function audit.chain_heads_guard();
create trigger chain_heads_no_truncate before truncate on audit.chain_heads
    for each statement execute function audit.chain_heads_guard();

revoke all on function audit.entry_hash_v1(uuid, bigint, bytea, timestamptz, text, text, text, bytea),
                       audit.bound_tenant(), audit.append(text, text, text, jsonb, bytea, bytea),
                       audit.start_chain(), audit.tombstone(bigint[]), audit.tenants_without_chain_head(),
                       audit.tenant_ids(), audit.chain_heads_since(timestamptz),
                       audit.events_guard(), audit.chain_heads_guard(), audit.require_chain_head()
    from public;
grant execute on function audit.append(text, text, text, jsonb, bytea, bytea), audit.start_chain(),
                          audit.tombstone(bigint[]), audit.tenants_without_chain_head(), audit.tenant_ids(),
                          audit.chain_heads_since(timestamptz)
    to "${app_role}";
grant select on audit.events, audit.chain_heads to "${app_role}";
