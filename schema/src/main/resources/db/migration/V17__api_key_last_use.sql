-- When and from where each API key was last used (docs/keys.md, "Last used"): coarse bookkeeping the
-- gateways report in batches, at most one write per key per minute. Both stay null until the first
-- use. The table keeps its row level security (enabled, forced, WITH CHECK) and the app role its
-- existing UPDATE grant; key verification (keys.key_by_fingerprint) does not read these columns.

alter table keys.api_keys
    add column last_used_at   timestamptz,
    add column last_used_from inet;
