package io.atc.edge.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.core.blobs.BlobStore;
import io.atc.core.errors.ProblemException;
import io.atc.core.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reading a device's image for one tenant: its row in a tenant transaction (RLS applies), then its
 * bytes from the blob store on a worker thread (the store blocks). Bytes that are gone, or are not
 * the bytes the row commits to, are a 404 and a warning, never a 500 and never wrong bytes under the
 * row's entity tag.
 */
@ApplicationScoped
public class Images {

    private static final Logger LOG = Logger.getLogger(Images.class);

    private final TenantTransactions transactions;
    private final ImageRepository repository;
    private final BlobStore blobs;

    public Images(TenantTransactions transactions, ImageRepository repository, BlobStore blobs) {
        this.transactions = transactions;
        this.repository = repository;
        this.blobs = blobs;
    }

    /** @param ifNoneMatch the client's If-None-Match; when it holds the image's tag the bytes are not read */
    public Uni<ImageContent> read(UUID tenantId, UUID siteId, UUID deviceId, UUID imageId, String ifNoneMatch) {
        return transactions
                .read(tenantId, sql -> repository.find(sql, siteId, deviceId, imageId))
                .map(found -> found.orElseThrow(() -> notFound(deviceId, imageId)))
                .flatMap(image -> EntityTags.noneMatchFails(ifNoneMatch, image.entityTag())
                        ? Uni.createFrom().item(new ImageContent(image, null))
                        : bytesOf(image, siteId, deviceId).map(bytes -> new ImageContent(image, bytes)));
    }

    private Uni<byte[]> bytesOf(StoredImage image, UUID siteId, UUID deviceId) {
        return Uni.createFrom()
                .item(() -> readBlob(image.blobKey()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(bytes -> {
                    if (bytes.isEmpty()) {
                        LOG.warnf(
                                "image %s of device %s at site %s: its blob is missing",
                                image.imageId(), deviceId, siteId);
                        throw notFound(deviceId, image.imageId());
                    }
                    if (!matches(image, bytes.get())) {
                        LOG.warnf(
                                "image %s of device %s at site %s: its blob does not match the SHA-256 and size"
                                        + " its row commits to",
                                image.imageId(), deviceId, siteId);
                        throw notFound(deviceId, image.imageId());
                    }
                    return bytes.get();
                });
    }

    /** A blob store that fails to read (not: finds nothing) is a server fault, answered as one. */
    private Optional<byte[]> readBlob(String key) {
        try {
            return blobs.read(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean matches(StoredImage image, byte[] bytes) {
        return bytes.length == image.sizeBytes() && MessageDigest.isEqual(sha256(bytes), image.sha256());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ProblemException notFound(UUID deviceId, UUID imageId) {
        return ProblemException.notFound("image " + imageId + " of device " + deviceId);
    }
}
