package io.atc.keys.apikeys.usage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes last-use times in a tenant's bookkeeping transaction, naming the tenant besides RLS: a key of
 * another tenant matches no row. The write is coarse on its own, whatever the gateways send: a row
 * changes only when the new use is over a minute later than the one stored, so several replicas
 * reporting the same key in the same minute make one write, and an older or repeated report none.
 * A time in the future is taken as now (a gateway's clock running fast cannot pin the column).
 */
@ApplicationScoped
public class KeyUseRepository {

    static final String RECORD = """
            update keys.api_keys k
               set last_used_at = u.at, last_used_from = u.from_address::inet
              from (select key_id, least(at, now()) as at, from_address
                      from unnest($2::uuid[], $3::timestamptz[], $4::text[]) as r (key_id, at, from_address)) u
             where k.tenant_id = $1 and k.key_id = u.key_id
               and (k.last_used_at is null or k.last_used_at < u.at - interval '1 minute')
            """;

    /** @param uses at most one per key; returns the rows changed */
    public Uni<Integer> record(TenantSql sql, List<KeyUse> uses) {
        return sql.execute(
                        RECORD,
                        Tuple.tuple()
                                .addUUID(sql.tenantId())
                                .addArrayOfUUID(uses.stream().map(KeyUse::keyId).toArray(UUID[]::new))
                                .addArrayOfOffsetDateTime(
                                        uses.stream().map(KeyUse::at).toArray(OffsetDateTime[]::new))
                                .addArrayOfString(
                                        uses.stream().map(KeyUse::from).toArray(String[]::new)))
                .map(rows -> rows.rowCount());
    }
}
