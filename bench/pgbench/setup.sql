-- DB-only cross-check of AuditedMutationBenchmark with pgbench (docs/benchmarks.md).
-- Run as postgres in a database that ChainVerificationBenchmark left with
--   --layouts 16x2000 --runs 1 --profile off --keep-database true
-- then: pgbench -h 127.0.0.1 -U <its atc_app_ role> -n -M prepared -c 16 -j 2 -T 15 -f bench/pgbench/<variant>.sql <db>
-- and drop the database and its two roles afterwards.
create table public.bench_map as
    select (row_number() over (order by tenant_id) - 1)::int as i, tenant_id, gen_random_uuid() as site_id
      from tenancy.tenants;
insert into tenancy.sites (tenant_id, site_id, name) select tenant_id, site_id, 'site' from public.bench_map;
do $$ begin execute format('grant select on public.bench_map to %I',
    (select rolname from pg_roles where rolname = 'atc_app_' || substr(current_database(), 10))); end $$;
vacuum analyze;
