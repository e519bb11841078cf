package io.atc.edge.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.atc.core.blobs.BlobKeys;
import io.atc.core.blobs.BlobStore;
import io.atc.core.blobs.StoredBlob;
import io.atc.edge.topics.DeviceTopic;
import io.vertx.core.Context;
import io.vertx.core.WorkerExecutor;
import io.vertx.mqtt.messages.MqttPublishMessage;

/**
 * What happens to each received message: route it by the registry (never by the topic alone),
 * validate it, store image bytes on a worker thread, then hand it to its tenant's batch. A message
 * that can never be stored is dropped, counted by reason, and settled (acknowledged) at once; a
 * message that cannot be stored <em>now</em> (registry or blob store unreachable) is sent back for
 * redelivery. Confined to the ingest's Vert.x context, except the blob writes.
 */
final class IngestPipeline {

    private static final Logger LOG = Logger.getLogger(IngestPipeline.class);

    private final Context context;
    private final DeviceDirectory directory;
    private final EventDecoder events;
    private final ImageEnvelope images;
    private final BlobStore blobs;
    private final WorkerExecutor blobWriters;
    private final TenantBatches batches;
    private final IngestMetrics metrics;

    IngestPipeline(
            Context context,
            DeviceDirectory directory,
            EventDecoder events,
            ImageEnvelope images,
            BlobStore blobs,
            WorkerExecutor blobWriters,
            TenantBatches batches,
            IngestMetrics metrics) {
        this.context = context;
        this.directory = directory;
        this.events = events;
        this.images = images;
        this.blobs = blobs;
        this.blobWriters = blobWriters;
        this.batches = batches;
        this.metrics = metrics;
    }

    void accept(IngestConnection connection, MqttPublishMessage message) {
        PendingMessage pending = connection.received(message);
        Optional<DeviceTopic> parsed = DeviceTopic.parse(message.topicName());
        if (parsed.isEmpty()) {
            drop(pending, DropReason.MALFORMED_TOPIC);
            return;
        }
        DeviceTopic topic = parsed.get();
        DeviceRoute known = directory.cached(topic.deviceId());
        if (known != null) {
            route(pending, topic, known);
            return;
        }
        directory
                .lookup(topic.deviceId())
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .subscribe()
                .with(
                        found -> found.ifPresentOrElse(
                                route -> route(pending, topic, route), () -> drop(pending, DropReason.UNKNOWN_DEVICE)),
                        failure -> pending.retryLater("cannot read the device registry (" + failure + ")"));
    }

    /** Writes whatever waits in the tenant batches now (shutdown). */
    void flush() {
        batches.flushAll();
    }

    private void route(PendingMessage pending, DeviceTopic topic, DeviceRoute route) {
        if (!route.enabled()) {
            drop(pending, DropReason.DISABLED_DEVICE);
        } else if (!route.registeredFor(topic)) {
            drop(pending, DropReason.TOPIC_MISMATCH);
        } else if (topic.kind() == DeviceTopic.Kind.EVENTS) {
            event(pending, route);
        } else {
            image(pending, route);
        }
    }

    private void event(PendingMessage pending, DeviceRoute route) {
        DeviceEvent event;
        try {
            event = events.decode(pending.message().payload().getBytes());
        } catch (MessageRejected rejected) {
            drop(pending, rejected);
            return;
        }
        batches.add(route.tenantId(), new BatchItem.Event(pending, route.siteId(), route.deviceId(), event));
    }

    private void image(PendingMessage pending, DeviceRoute route) {
        ImageUpload upload;
        try {
            upload = images.decode(pending.message().payload().getBytes());
        } catch (MessageRejected rejected) {
            drop(pending, rejected);
            return;
        }
        String key = BlobKeys.image(route.tenantId(), route.siteId(), route.deviceId(), upload.imageId());
        blobWriters.<StoredBlob>executeBlocking(() -> store(key, upload), false).onComplete(stored -> {
            if (stored.succeeded()) {
                batches.add(
                        route.tenantId(),
                        new BatchItem.Image(
                                pending,
                                route.siteId(),
                                route.deviceId(),
                                upload.imageId(),
                                upload.contentType(),
                                stored.result()));
            } else if (stored.cause() instanceof MessageRejected rejected) {
                drop(pending, rejected);
            } else {
                pending.retryLater("could not write an image to the blob store (" + stored.cause() + ")");
            }
        });
    }

    /** Runs on a blob writer thread. */
    private StoredBlob store(String key, ImageUpload upload) throws Exception {
        if (upload.declaredSha256() != null
                && !MessageDigest.isEqual(upload.declaredSha256(), sha256().digest(upload.bytes()))) {
            throw new MessageRejected(DropReason.INVALID_IMAGE, "the image bytes do not match their sha256");
        }
        return blobs.putIfAbsent(key, upload.bytes());
    }

    private void drop(PendingMessage pending, MessageRejected rejected) {
        LOG.debugf(
                "ingest: dropped a message on %s: %s (%s)",
                pending.message().topicName(), rejected.reason().tag(), rejected.getMessage());
        drop(pending, rejected.reason());
    }

    private void drop(PendingMessage pending, DropReason reason) {
        metrics.dropped(reason);
        pending.settle();
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
