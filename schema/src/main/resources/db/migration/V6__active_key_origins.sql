-- CORS preflights carry no key, so the gateway answers them from the browser origins of every
-- active key (design.md, "Gateway"). This is a platform-level read across tenants: it goes through
-- this one function, which returns only distinct origin strings (no tenant, key or other column),
-- through the owner-only read policy V3 created for key verification.

create function keys.active_key_origins()
    returns table (origin text)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select distinct o.origin
      from keys.api_keys k, unnest(k.allowed_origins) as o (origin)
     where k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
$$;

revoke all on function keys.active_key_origins() from public;
grant execute on function keys.active_key_origins() to "${app_role}";
