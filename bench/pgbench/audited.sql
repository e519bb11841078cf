begin;
select set_config('atc.tenant_id', (select tenant_id::text from bench_map where i = :client_id % 16), true);
update tenancy.sites set name = 'n' || :client_id || '-' || random() where site_id = (select site_id from bench_map where i = :client_id % 16);
select * from audit.append('key-bench', 'site.renamed', 'site-x', '{"name":"x"}'::jsonb, uuid_send(gen_random_uuid()), sha256('\x00'::bytea));
commit;
