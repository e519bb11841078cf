package io.atc.audit.verify;

/**
 * The SQL that reads a tenant's chain, shared by the service's reactive reader ({@link StoredChain})
 * and the operator's JDBC reader, so both verify exactly the same fields. Each runs inside a
 * transaction bound to the tenant, so row level security scopes every query.
 */
public final class ChainQueries {

    /** Every field the hash, the link and the payload commitment cover, in a fixed order. */
    public static final String EVENT_COLUMNS = """
            seq, version, prev_hash, hash, occurred_at, actor, action, target, payload::text as payload,
            payload_salt, payload_hash, tombstoned_at
            """;

    public static final String ALL_EVENTS = "select " + EVENT_COLUMNS + " from audit.events order by seq";

    public static final String HEAD = "select seq, head_hash from audit.chain_heads";

    /** The first seq that shares its previous hash with an earlier event (null when none). */
    public static final String FIRST_FORK = """
            select min(seq) from (
                select seq, row_number() over (partition by prev_hash order by seq) as nth from audit.events
            ) linked where nth > 1
            """;

    private ChainQueries() {
    }
}
