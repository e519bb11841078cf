-- Console sessions live on the server (docs/keys.md, "Console sessions"): a session is a row of its
-- tenant, found by the SHA-256 of the random id its cookie carries (never the id itself), with an
-- absolute expiry; the idle timeout is in the signed cookie. Deleting the row ends the session on
-- every replica at once: each request made with the cookie reads it.

create table keys.console_sessions (
    tenant_id    uuid        not null,
    session_hash bytea       not null check (length(session_hash) = 32),
    user_id      uuid        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null check (expires_at > created_at),
    primary key (tenant_id, session_hash),
    foreign key (tenant_id, user_id) references keys.console_users (tenant_id, user_id) on delete cascade
);

create index console_sessions_by_user on keys.console_sessions (tenant_id, user_id);

alter table keys.console_sessions enable row level security;
alter table keys.console_sessions force row level security;
create policy tenant_isolation on keys.console_sessions
    using (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('atc.tenant_id', true), '')::uuid);

grant select, insert, delete on keys.console_sessions to "${app_role}";

-- An admin may delete a console user of its tenant (its sessions go with it).
grant delete on keys.console_users to "${app_role}";
