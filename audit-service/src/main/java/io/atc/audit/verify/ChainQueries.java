package io.atc.audit.verify;

/**
 * The SQL that reads a tenant's chain, shared by the service's reactive reader ({@link StoredChain})
 * and the operator's JDBC reader, so both verify exactly the same fields. Each names its tenant
 * ($1) besides running in a transaction bound to it: row level security scopes the service role,
 * and the predicate keeps the answer right for a role that bypasses it (the owner, whose
 * platform_chain_check policy sees every head, or a superuser an operator runs the verifier as).
 */
public final class ChainQueries {

    /** Every field the hash, the link and the payload commitment cover, in a fixed order. */
    public static final String EVENT_COLUMNS = """
            seq, version, prev_hash, hash, occurred_at, actor, action, target, payload::text as payload,
            payload_salt, payload_hash, tombstoned_at
            """;

    /** The tenant's events from seq $2 through seq $3. */
    public static final String EVENTS = "select " + EVENT_COLUMNS + """
             from audit.events
             where tenant_id = $1 and seq >= $2 and seq <= $3
             order by seq
            """;

    public static final String HEAD = "select seq, head_hash from audit.chain_heads where tenant_id = $1";

    /** The first seq that shares its previous hash with an earlier event (null when none). */
    public static final String FIRST_FORK = """
            select min(seq) from (
                select seq, row_number() over (partition by prev_hash order by seq) as nth
                  from audit.events where tenant_id = $1
            ) linked where nth > 1
            """;

    private ChainQueries() {}

    /** The same query for JDBC, which binds {@code ?}: every query above uses each $n once, in order. */
    public static String jdbc(String query) {
        return query.replaceAll("\\$\\d+", "?");
    }
}
