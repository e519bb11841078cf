-- audit.append refused a short salt or a payload hash of the wrong length, but not a missing one:
-- `octet_length(NULL) < 16` is NULL, so the check let the call through. A NULL salt was stored, and
-- the event then failed verification for ever (payload-mismatch: a false tamper alarm planted in the
-- chain); a NULL payload hash, actor, action or target was stopped only by a NOT NULL violation
-- that named a column of audit.chain_heads instead of the mistake. Every argument is now checked
-- for NULL first, with one clear message, before anything is written.
-- Otherwise the same function as V5 (same statement, same cost).

create or replace function audit.append(p_actor text, p_action text, p_target text,
                                        p_payload jsonb, p_payload_salt bytea, p_payload_hash bytea,
                                        out seq bigint, out hash bytea)
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    v_tenant uuid := nullif(current_setting('atc.tenant_id', true), '')::uuid;
begin
    if v_tenant is null then
        raise exception 'audit: no tenant is bound to this transaction' using errcode = '42501';
    end if;
    if p_actor is null or p_action is null or p_target is null then
        raise exception 'audit: actor, action and target are required' using errcode = '22004';
    end if;
    -- coalesce: a NULL salt or hash must fail the length test, not skip it.
    if p_payload is null or coalesce(octet_length(p_payload_salt), 0) < 16
       or coalesce(octet_length(p_payload_hash), 0) <> 32 then
        raise exception 'audit: payload, a salt of at least 16 bytes and a 32-byte payload hash are required'
            using errcode = '22023';
    end if;
    -- now() is the transaction's start time: the head's updated_at, the event's occurred_at and the
    -- timestamp inside the hash are one and the same value.
    with advanced as (
        update audit.chain_heads h
           set seq = h.seq + 1,
               prev_head_hash = h.head_hash,
               head_hash = sha256(
                   convert_to('ATC-AUDIT', 'UTF8')
                   || int2send(1::int2)
                   || uuid_send(h.tenant_id)
                   || int8send(h.seq + 1)
                   || h.head_hash
                   || int8send((extract(epoch from now()) * 1000000)::int8)
                   || int4send(octet_length(convert_to(p_actor, 'UTF8'))) || convert_to(p_actor, 'UTF8')
                   || int4send(octet_length(convert_to(p_action, 'UTF8'))) || convert_to(p_action, 'UTF8')
                   || int4send(octet_length(convert_to(p_target, 'UTF8'))) || convert_to(p_target, 'UTF8')
                   || p_payload_hash),
               updated_at = now()
         where h.tenant_id = v_tenant
        returning h.tenant_id, h.seq, h.head_hash, h.prev_head_hash, h.updated_at
    )
    insert into audit.events as e (tenant_id, seq, version, prev_hash, hash, occurred_at, actor, action, target,
                                   payload, payload_salt, payload_hash)
    select a.tenant_id, a.seq, 1, a.prev_head_hash, a.head_hash, a.updated_at, p_actor, p_action, p_target,
           p_payload, p_payload_salt, p_payload_hash
      from advanced a
    returning e.seq, e.hash into seq, hash;
    if not found then
        raise exception 'audit: tenant % has no chain head', v_tenant using errcode = 'P0002';
    end if;
end
$$;
