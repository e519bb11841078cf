package io.atc.edge.pki;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Key generation, signing and file writes run on a worker thread, never on the event loop. */
final class WorkerThreads {

    private WorkerThreads() {}

    static <T> Uni<T> offload(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
