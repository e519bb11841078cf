-- Console users belong to their tenant (docs/keys.md, "Console users").
--
-- An e-mail address is unique within its tenant only: a platform-wide unique index let one tenant
-- learn which addresses another tenant uses (its insert failed) and squat them. Sign-in now names
-- the tenant and reads inside that tenant's transaction, under row level security like any tenant
-- read, so the platform-wide lookup function and the owner's see-every-row policy behind it go.
--
-- Console users hold scopes, as keys do, and a caller may only create users within its own
-- scopes. Until now only admin keys could create console users, so existing users keep admin.

drop function keys.console_user_by_email(text);
drop policy platform_sign_in on keys.console_users;

drop index keys.console_users_by_email;
create unique index console_users_by_tenant_email on keys.console_users (tenant_id, email);

-- A column default fills the existing rows (an UPDATE would see none under forced row level
-- security); dropping it then makes every new user name its scopes.
alter table keys.console_users add column scopes text[] not null default '{admin}' check (cardinality(scopes) > 0);
alter table keys.console_users alter column scopes drop default;
