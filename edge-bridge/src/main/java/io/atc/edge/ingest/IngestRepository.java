package io.atc.edge.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.tenancy.TenantSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL for edge.events, edge.images and edge.site_storage; runs only inside a tenant transaction,
 * so RLS scopes (and WITH CHECK guards) every row. One statement per kind and batch: the rows go
 * in as arrays, a redelivered row is skipped (ON CONFLICT DO NOTHING), and the site's storage grows
 * by exactly the rows that were new. Each statement returns the keys of those new rows.
 */
@ApplicationScoped
public class IngestRepository {

    private static final String INSERT_EVENTS = """
            with inserted as (
                insert into edge.events (tenant_id, site_id, device_id, event_id, occurred_at, type, body, image_id,
                                         payload_bytes)
                select $1, e.site_id, e.device_id, e.event_id, e.occurred_at, e.type, e.body::jsonb, e.image_id,
                       e.payload_bytes
                  from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::text[], $7::text[],
                              $8::uuid[], $9::int[])
                       as e(site_id, device_id, event_id, occurred_at, type, body, image_id, payload_bytes)
                on conflict do nothing
                returning site_id, device_id, event_id, payload_bytes
            ), accounted as (
                insert into edge.site_storage as s (tenant_id, site_id, event_count, event_bytes)
                select $1, site_id, count(*), sum(payload_bytes) from inserted group by site_id
                on conflict (tenant_id, site_id) do update
                   set event_count = s.event_count + excluded.event_count,
                       event_bytes = s.event_bytes + excluded.event_bytes,
                       updated_at = now()
            )
            select device_id, event_id as id from inserted
            """;

    private static final String INSERT_IMAGES = """
            with inserted as (
                insert into edge.images (tenant_id, site_id, device_id, image_id, blob_key, size_bytes, sha256,
                                         content_type)
                select $1, i.site_id, i.device_id, i.image_id, i.blob_key, i.size_bytes, decode(i.sha256, 'hex'),
                       i.content_type
                  from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::text[])
                       as i(site_id, device_id, image_id, blob_key, size_bytes, sha256, content_type)
                on conflict do nothing
                returning site_id, device_id, image_id, size_bytes
            ), accounted as (
                insert into edge.site_storage as s (tenant_id, site_id, image_count, image_bytes)
                select $1, site_id, count(*), sum(size_bytes) from inserted group by site_id
                on conflict (tenant_id, site_id) do update
                   set image_count = s.image_count + excluded.image_count,
                       image_bytes = s.image_bytes + excluded.image_bytes,
                       updated_at = now()
            )
            select device_id, image_id as id from inserted
            """;

    Uni<List<RowKey>> insertEvents(TenantSql sql, List<BatchItem.Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = events.size();
        UUID[] sites = new UUID[n];
        UUID[] devices = new UUID[n];
        UUID[] ids = new UUID[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        UUID[] images = new UUID[n];
        Integer[] bytes = new Integer[n];
        for (int i = 0; i < n; i++) {
            BatchItem.Event item = events.get(i);
            sites[i] = item.siteId();
            devices[i] = item.deviceId();
            ids[i] = item.event().eventId();
            occurred[i] = item.event().occurredAt();
            types[i] = item.event().type();
            bodies[i] = item.event().dataJson();
            images[i] = item.event().imageId();
            bytes[i] = item.event().payloadBytes();
        }
        Tuple arguments = Tuple.of(sql.tenantId())
                .addArrayOfUUID(sites)
                .addArrayOfUUID(devices)
                .addArrayOfUUID(ids)
                .addArrayOfOffsetDateTime(occurred)
                .addArrayOfString(types)
                .addArrayOfString(bodies)
                .addArrayOfUUID(images)
                .addArrayOfInteger(bytes);
        return sql.execute(INSERT_EVENTS, arguments).map(IngestRepository::keys);
    }

    Uni<List<RowKey>> insertImages(TenantSql sql, List<BatchItem.Image> images) {
        if (images.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = images.size();
        UUID[] sites = new UUID[n];
        UUID[] devices = new UUID[n];
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        Long[] sizes = new Long[n];
        String[] digests = new String[n];
        String[] contentTypes = new String[n];
        for (int i = 0; i < n; i++) {
            BatchItem.Image item = images.get(i);
            sites[i] = item.siteId();
            devices[i] = item.deviceId();
            ids[i] = item.imageId();
            keys[i] = item.blob().key();
            sizes[i] = item.blob().size();
            digests[i] = HexFormat.of().formatHex(item.blob().sha256());
            contentTypes[i] = item.contentType();
        }
        Tuple arguments = Tuple.of(sql.tenantId())
                .addArrayOfUUID(sites)
                .addArrayOfUUID(devices)
                .addArrayOfUUID(ids)
                .addArrayOfString(keys)
                .addArrayOfLong(sizes)
                .addArrayOfString(digests)
                .addArrayOfString(contentTypes);
        return sql.execute(INSERT_IMAGES, arguments).map(IngestRepository::keys);
    }

    private static List<RowKey> keys(RowSet<Row> rows) {
        List<RowKey> keys = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> keys.add(new RowKey(row.getUUID("device_id"), row.getUUID("id"))));
        return keys;
    }
}
