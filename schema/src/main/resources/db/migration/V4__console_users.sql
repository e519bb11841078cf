-- Console users sign in with email and password (argon2id). Emails are unique platform-wide so
-- sign-in needs no tenant; the lookup goes through one narrow function, like key verification.

create table keys.console_users (
    tenant_id     uuid        not null references tenancy.tenants (tenant_id),
    user_id       uuid        not null default gen_random_uuid(),
    email         text        not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    password_hash text        not null check (password_hash like '$argon2id$%'),
    created_at    timestamptz not null default now(),
    created_by    text        not null,
    disabled_at   timestamptz,
    primary key (tenant_id, user_id)
);

create unique index console_users_by_email on keys.console_users (email);

alter table keys.console_users enable row level security;
alter table keys.console_users force row level security;
create policy tenant_isolation on keys.console_users
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

grant select, insert, update on keys.console_users to "${app_role}";

do $$
begin
    execute format('create policy platform_sign_in on keys.console_users for select to %I using (true)', current_user);
end
$$;

create function keys.console_user_by_email(p_email text)
    returns table (tenant_id uuid, user_id uuid, password_hash text, disabled_at timestamptz)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
as $$
    select u.tenant_id, u.user_id, u.password_hash, u.disabled_at from keys.console_users u where u.email = lower(p_email)
$$;

revoke all on function keys.console_user_by_email(text) from public;
grant execute on function keys.console_user_by_email(text) to "${app_role}";
