package io.atc.retention.deletion;

import java.util.Optional;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;

/**
 * What a run may delete, decided again in each batch's transaction: a hold set while a run is under
 * way wins from the next batch on. Empty: nothing more may be deleted.
 */
public interface RowsInScope {

    Uni<Optional<Selection>> select(TenantSql sql, StoredTable table);
}
