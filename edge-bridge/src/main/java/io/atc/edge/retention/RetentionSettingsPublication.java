package io.atc.edge.retention;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.atc.core.startup.StartupRefusal;
import io.atc.edge.topics.SiteConfigTopic;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Keeps every site's retention settings topic equal to the database: each site's effective
 * settings, retained, QoS 1, through {@link SettingsPublisherConnection}. Every site is published
 * after each (re)connection of the publisher (so on start) and each (re)subscription of
 * {@link RetentionChangeListener} (notifications may have been missed); a tenant's sites after its
 * default changed; a site after its own settings changed, and after it was created or deleted
 * ({@code io.atc.edge.sites.Sites}). A site that no longer exists gets an empty retained message,
 * which makes the broker drop the retained one.
 *
 * <p>One task at a time, in the order asked, each reading after the commit that asked for it: so
 * the last publish of a topic carries what the database held last. Several replicas publish the
 * same values; each also handles every change after its earlier work, so they converge too. While
 * the publisher is disconnected, tasks do nothing: its reconnection publishes every site.
 */
@ApplicationScoped
public class RetentionSettingsPublication {

    private static final Logger LOG = Logger.getLogger(RetentionSettingsPublication.class);

    private final Vertx vertx;
    private final RetentionSettingsRepository repository;
    private final SettingsPublisherConnection publisher;
    private final Clock clock;
    private final Queue<Task> tasks = new ArrayDeque<>();
    private Context context;
    private boolean running;
    private boolean everySiteQueued;

    public RetentionSettingsPublication(
            Vertx vertx, RetentionSettingsRepository repository, SettingsPublisherConnection publisher) {
        this.vertx = vertx;
        this.repository = repository;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /** Before the publisher can connect: it connects only once the broker bootstrap is done. */
    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent ignored) {
        if (StartupRefusal.refused()) {
            return;
        }
        context = vertx.getOrCreateContext();
        publisher.onConnected(this::republishAll);
    }

    /** Every site; a request while one is already waiting adds nothing. */
    public void republishAll() {
        onContext(() -> {
            if (everySiteQueued) {
                return;
            }
            everySiteQueued = true;
            tasks.add(new Task("every site", true, () -> {
                everySiteQueued = false;
                return repository.everySite().flatMap(sites -> publish(sites, List.of()));
            }));
            runNext();
        });
    }

    /** Every site of the tenant: its default changed. */
    public void republishTenant(UUID tenantId) {
        enqueue(
                "the sites of tenant " + tenantId,
                () -> repository.ofTenant(tenantId).flatMap(sites -> publish(sites, List.of())));
    }

    /** The site: its settings changed, or it was created or deleted (then its topic is cleared). */
    public void republishSite(UUID tenantId, UUID siteId) {
        enqueue("site " + siteId, () -> repository
                .ofSite(tenantId, siteId)
                .flatMap(sites -> publish(
                        sites, sites.isEmpty() ? List.of(SiteConfigTopic.retention(tenantId, siteId)) : List.of())));
    }

    private void enqueue(String what, Supplier<Uni<Void>> work) {
        onContext(() -> {
            tasks.add(new Task(what, false, work));
            runNext();
        });
    }

    private void runNext() {
        if (running || tasks.isEmpty()) {
            return;
        }
        Task task = tasks.poll();
        if (!publisher.isConnected()) {
            if (task.everySite()) {
                everySiteQueued = false;
            }
            runNext();
            return;
        }
        running = true;
        task.work()
                .get()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .subscribe()
                .with(
                        done -> {
                            running = false;
                            runNext();
                        },
                        failure -> {
                            LOG.warnf(
                                    "retention settings: could not publish those of %s (published again on the next"
                                            + " reconnection): %s",
                                    task.what(), failure.toString());
                            running = false;
                            runNext();
                        });
    }

    /** One message at a time, each after the previous one's PUBACK: the broker keeps them in order. */
    private Uni<Void> publish(List<SiteRetentionSettings> sites, List<SiteConfigTopic> cleared) {
        List<Message> messages = new ArrayList<>();
        sites.forEach(site -> messages.add(new Message(site.topic(), () -> site.payload(clock.instant()))));
        cleared.forEach(topic -> messages.add(new Message(topic.name(), Buffer::buffer)));
        return Multi.createFrom()
                .iterable(messages)
                .onItem()
                .transformToUniAndConcatenate(message -> publisher.publishRetained(
                        message.topic(), message.payload().get()))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private void onContext(Runnable action) {
        if (context != null) {
            context.runOnContext(ignored -> action.run());
        }
    }

    /** An empty payload clears the topic's retained message. */
    private record Message(String topic, Supplier<Buffer> payload) {}

    private record Task(String what, boolean everySite, Supplier<Uni<Void>> work) {}
}
