-- GET /v1/audit/events?action=... (docs/audit.md, "Listing and filters"): without this index a filter on a
-- rare action walks the tenant's whole trail through the primary key to fill one page. With it, the page is
-- an index range read in seq order. One index only: every append pays for each index on audit.events
-- (V8 dropped one nothing read), and the action is what admins filter by most. The actor and time filters
-- ride on the primary key: time follows seq closely, and actors are few and busy.

create index events_by_action on audit.events (tenant_id, action, seq);
