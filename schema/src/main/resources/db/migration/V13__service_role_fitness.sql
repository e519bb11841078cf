-- What a service may log in as, defined once, in the database both checks read: the migrator checks
-- the configured service role with it after every migration (RowLevelSecurityCatalog) and every
-- service checks the role it logged in as at start-up (DatabaseStartupCheck), refusing to run on any
-- answer. docs/operations.md, "The service role", explains each rule to operators.

-- The application schemas: every schema of this database except Postgres' own. The migration history
-- schema is one of them: it holds no tenant data (the catalog exempts its one table from the tenant
-- shape), but no service may own or create anything in it either.
create function tenancy.application_schemas()
    returns setof name
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select n.nspname from pg_namespace n
     where n.nspname not in ('pg_catalog', 'information_schema')
       and n.nspname not like 'pg\_toast%'
       and n.nspname not like 'pg\_temp%'
     order by 1
$$;

-- Why p_role must not be a service's login role, one row per reason; no row means it may.
-- The rules apply to the role and to every role it is a member of, directly or through others (in
-- Postgres 15 a member may always SET ROLE to them, INHERIT or not). None of them may:
--   1. be SUPERUSER or BYPASSRLS, or have CREATEROLE, CREATEDB or REPLICATION;
--   2. own anything here: the database, an application schema, or a table, view, sequence, function or
--      type in one (the owner-only policies let the owner read every tenant's rows);
--   3. hold CREATE on the database or on an application schema;
--   4. hold TRUNCATE, REFERENCES or TRIGGER on an application table (no service needs them);
--   5. hold INSERT, UPDATE or DELETE on an audit table (history is written through audit.append and
--      tombstoned through audit.tombstone, both SECURITY DEFINER, and nothing else);
--   6. hold any privilege WITH GRANT OPTION on the database, an application schema, table, column or
--      function.
-- CONNECT, TEMPORARY and the grants the migrations make to the service role are what a service holds.
-- The role's own reasons are listed in full; a role it is a member of is named with its gravest reason.
create function tenancy.service_role_problems(p_role name)
    returns setof text
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    with recursive
    becomes (oid) as (
        select r.oid from pg_roles r where r.rolname = p_role
        union
        select m.roleid from pg_auth_members m join becomes b on b.oid = m.member
    ),
    app_schemas as (
        select n.oid, n.nspname, n.nspowner, n.nspacl from pg_namespace n
         where n.nspname in (select tenancy.application_schemas())
    ),
    app_relations as (
        select c.oid, c.relkind, c.relowner, c.relacl, s.nspname
          from pg_class c join app_schemas s on s.oid = c.relnamespace
         where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    ),
    owned (owner, object) as (
        select d.datdba, 'database ' || quote_ident(d.datname) from pg_database d where d.datname = current_database()
        union all
        select s.nspowner, 'schema ' || quote_ident(s.nspname) from app_schemas s
        union all
        select c.relowner, case when c.relkind = 'S' then 'sequence ' when c.relkind in ('v', 'm') then 'view '
                                else 'table ' end || c.oid::regclass::text
          from app_relations c
        union all
        select p.proowner, 'function ' || p.oid::regprocedure::text
          from pg_proc p join app_schemas s on s.oid = p.pronamespace
        union all
        select t.typowner, 'type ' || t.oid::regtype::text
          from pg_type t join app_schemas s on s.oid = t.typnamespace
         where t.typrelid = 0 and t.typcategory <> 'A'
    ),
    acls (object, acl) as (
        select 'database ' || quote_ident(d.datname), d.datacl from pg_database d where d.datname = current_database()
        union all
        select 'schema ' || quote_ident(s.nspname), s.nspacl from app_schemas s
        union all
        select c.oid::regclass::text, c.relacl from app_relations c
        union all
        select a.attrelid::regclass::text || '.' || quote_ident(a.attname), a.attacl
          from pg_attribute a join app_relations c on c.oid = a.attrelid
         where a.attacl is not null
        union all
        select p.oid::regprocedure::text, p.proacl from pg_proc p join app_schemas s on s.oid = p.pronamespace
    ),
    findings (role_oid, rank, problem, object) as (
        select r.oid, a.rank, a.problem, null::text
          from becomes b join pg_roles r on r.oid = b.oid
         cross join lateral (values (1, r.rolsuper, 'is superuser'),
                                    (2, r.rolbypassrls, 'has BYPASSRLS'),
                                    (3, r.rolcreaterole, 'may create roles (CREATEROLE)'),
                                    (4, r.rolcreatedb, 'may create databases (CREATEDB)'),
                                    (5, r.rolreplication, 'has REPLICATION')) as a (rank, holds, problem)
         where a.holds
        union all
        select o.owner, 6, 'owns', o.object from owned o join becomes b on b.oid = o.owner
        union all
        select b.oid, 7, 'may create objects in', 'database ' || quote_ident(current_database())
          from becomes b where has_database_privilege(b.oid, current_database(), 'CREATE')
        union all
        select b.oid, 7, 'may create objects in', 'schema ' || quote_ident(s.nspname)
          from becomes b cross join app_schemas s where has_schema_privilege(b.oid, s.oid, 'CREATE')
        union all
        select b.oid, 8, 'holds TRUNCATE, REFERENCES or TRIGGER on', c.oid::regclass::text || ' (' || p.privilege || ')'
          from becomes b cross join app_relations c
         cross join (values ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) as p (privilege)
         where c.relkind in ('r', 'p')
           and case when p.privilege = 'REFERENCES' then has_any_column_privilege(b.oid, c.oid, p.privilege)
                    else has_table_privilege(b.oid, c.oid, p.privilege) end
        union all
        select b.oid, 9, 'may write the audit tables directly:', c.oid::regclass::text || ' (' || p.privilege || ')'
          from becomes b cross join app_relations c
         cross join (values ('INSERT'), ('UPDATE'), ('DELETE')) as p (privilege)
         where c.nspname = 'audit' and c.relkind in ('r', 'p')
           and case when p.privilege = 'DELETE' then has_table_privilege(b.oid, c.oid, p.privilege)
                    else has_any_column_privilege(b.oid, c.oid, p.privilege) end
        union all
        select g.grantee, 10, 'may grant others its privileges on', x.object || ' (' || g.privilege_type || ')'
          from acls x cross join lateral aclexplode(x.acl) g
          join becomes b on b.oid = g.grantee
         where g.is_grantable
    ),
    summary (role_oid, rank, problem) as (
        select f.role_oid, f.rank,
               case when count(f.object) = 0 then f.problem
                    else f.problem || ' ' || array_to_string((array_agg(f.object order by f.object))[1:3], ', ')
                         || case when count(f.object) > 3 then ' and ' || (count(f.object) - 3) || ' more' else '' end
               end
          from findings f
         group by f.role_oid, f.rank, f.problem
    ),
    itself (oid) as (
        select r.oid from pg_roles r where r.rolname = p_role
    ),
    reported (self, name, rank, problem) as (
        select true, null::name, s.rank, s.problem from summary s where s.role_oid = (select oid from itself)
        union all
        select * from (
            select distinct on (s.role_oid) false, r.rolname, s.rank, s.problem
              from summary s join pg_roles r on r.oid = s.role_oid
             where s.role_oid <> (select oid from itself)
             order by s.role_oid, s.rank
        ) members
        union all
        select true, null::name, 0, 'does not exist' where not exists (select 1 from itself)
    )
    select case when p.self then '' else 'is a member of ' || quote_ident(p.name) || ', which ' end || p.problem
      from reported p
     -- a superuser may do anything: that one reason says it all
     where p.rank <= 1 or not exists (select 1 from reported where rank = 1)
     order by p.self, p.name, p.rank
$$;

-- Both stay executable by PUBLIC (a function's default): they reveal nothing the catalog does not show
-- every role.

-- Databases that began before Postgres 15 let every role create objects in schema public: no role
-- needs that here, and rule 3 would refuse the service role for it.
revoke create on schema public from public;
