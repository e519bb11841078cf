package io.atc.edge.history;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL reading edge.images inside a tenant transaction; the statement names the tenant and the site too. */
@ApplicationScoped
public class ImageRepository {

    private static final String ONE = "select " + StoredImage.COLUMNS + " from edge.images"
            + " where tenant_id = $1 and site_id = $2 and device_id = $3 and image_id = $4";

    Uni<Optional<StoredImage>> find(TenantSql sql, UUID siteId, UUID deviceId, UUID imageId) {
        return sql.execute(ONE, Tuple.of(sql.tenantId(), siteId, deviceId, imageId))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(StoredImage.from(rows.iterator().next()))
                        : Optional.empty());
    }
}
