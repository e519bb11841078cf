package io.atc.retention.erasure;

import java.util.Optional;

import io.atc.core.tenancy.TenantSql;
import io.atc.retention.deletion.RowsInScope;
import io.atc.retention.deletion.Selection;
import io.atc.retention.deletion.StoredTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Every row of the target, whatever its age; nothing more once a hold covers it (a hold set while the erasure runs wins). */
final class ErasureScope implements RowsInScope {

    private final ErasureRepository repository;
    private final ErasureTarget target;

    ErasureScope(ErasureRepository repository, ErasureTarget target) {
        this.repository = repository;
        this.target = target;
    }

    @Override
    public Uni<Optional<Selection>> select(TenantSql sql, StoredTable table) {
        return repository
                .activeHolds(sql, target)
                .map(holds -> holds.isEmpty()
                        ? Optional.of(new Selection(target.predicate(), Tuple.of(sql.tenantId(), target.id())))
                        : Optional.empty());
    }
}
