package io.atc.core.tenancy;

/**
 * Every read a service makes outside a tenant transaction, and why it may: the whole list a
 * reviewer checks (docs/architecture.md, "Cross-tenant reads"). Each goes through a narrow
 * SECURITY DEFINER function that returns only the columns its caller needs; no service reads a
 * tenant table across tenants any other way. {@link CrossTenantReads} runs them; a new narrow path
 * is a new constant here, with its reason.
 */
public enum CrossTenantRead {

    /**
     * keys-service, key verification: a presented key carries no tenant, its fingerprint finds its
     * row (the columns verification needs, never another key's).
     */
    KEY_BY_FINGERPRINT("""
            select tenant_id, key_id, prefix, secret_hash, scopes, allowed_cidrs::text[] as allowed_cidrs,
                   allowed_origins, expires_at, revoked_at
              from keys.key_by_fingerprint($1)
            """),

    /** tenant-gateway, CORS preflights: they carry no key, so the origins of every active key (strings only). */
    ACTIVE_KEY_ORIGINS("select origin from keys.active_key_origins()"),

    /** edge-bridge, ingest: a message names only its device; its routing columns (tenant, site, enabled). */
    DEVICE_DIRECTORY("select device_id, tenant_id, site_id, enabled from edge.device_directory()"),

    /** edge-bridge, ingest: as {@link #DEVICE_DIRECTORY}, one device. */
    DEVICE_ROUTE("select device_id, tenant_id, site_id, enabled from edge.device_directory() where device_id = $1"),

    /**
     * edge-bridge, broker reconciliation: the broker holds every tenant's devices, so it is compared
     * with every device's routing columns, whether it has a valid certificate (ids only) and whether
     * its tenant allows password logins (the ids of the certificate-only tenants).
     */
    DEVICES_TO_RECONCILE("""
            select d.device_id, d.tenant_id, d.site_id, d.enabled, c.device_id is not null as certified,
                   t.tenant_id is null as password_login
              from edge.device_directory() d
              left join edge.devices_with_valid_certificate() c
                on c.tenant_id = d.tenant_id and c.device_id = d.device_id
              left join edge.certificate_only_tenants() t on t.tenant_id = d.tenant_id
            """),

    /** edge-bridge, the broker's CRL file: one file for all tenants, so every tenant CA's published CRL. */
    PUBLISHED_CRLS("select crl from edge.published_crls()"),

    /** edge-bridge, CRL re-signing: the ids of the tenants whose CRL is due; each is re-signed in its own transaction. */
    TENANTS_WITH_CRL_DUE("select tenant_id from edge.tenants_with_crl_due($1)"),

    /**
     * edge-bridge, retention settings for the appliances: on start and after every broker
     * reconnection each site's settings topic is published again, so every site's ids with its own
     * and its tenant's default day counts (null: inherited), nothing else.
     */
    RETENTION_SETTINGS_TO_PUBLISH("""
            select tenant_id, site_id, site_events_days, site_images_days, tenant_events_days, tenant_images_days
              from retention.settings_to_publish()
            """),

    /** audit-service, checkpoints: the heads (tenant, seq, hash) that moved; each chain is then read in its tenant. */
    MOVED_CHAIN_HEADS("select tenant_id, seq, head_hash, updated_at from audit.chain_heads_since($1)"),

    /**
     * audit-verify (the operator's tool, JDBC): the ids of the tenants that have a chain; each chain is
     * then read in its own read-only tenant transaction.
     */
    AUDITED_TENANTS("select audit.tenant_ids()"),

    /**
     * retention-service, the purge: the sites that hold stored rows, deleted sites included (ids only);
     * each site is then purged in its own tenant transactions.
     */
    SITES_WITH_HISTORY("select tenant_id, site_id from retention.sites_with_history()"),

    /**
     * retention-service, recovery: the ids of the tenants with an unfinished run or a queued blob
     * deletion (a crash left them); each is then finished in its own tenant transactions.
     */
    TENANTS_WITH_PENDING_WORK("select tenant_id from retention.tenants_with_pending_work()"),

    /**
     * Every service, at start-up: no tenant data, the login role's privileges (whatever role the
     * connection was set to afterwards; its memberships count too).
     */
    SERVICE_ROLE_PROBLEMS("select session_user as role, tenancy.service_role_problems(session_user) as problem"),

    /** Every service, at start-up: the ids of tenants without an initialised audit chain head (none, normally). */
    TENANTS_WITHOUT_CHAIN_HEAD("select audit.tenants_without_chain_head()");

    private final String sql;

    CrossTenantRead(String sql) {
        this.sql = sql;
    }

    /** The statement, bind parameters {@code $1...}; JDBC callers write them {@code ?}. */
    public String sql() {
        return sql;
    }
}
