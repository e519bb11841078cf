package io.atc.keys.crypto;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.atc.keys.config.KeysConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * argon2id for API-key secrets and console passwords, on a small pool of its own so the CPU- and
 * memory-heavy work never runs on an event loop and never exceeds ATC_KEYS_ARGON2_CONCURRENCY at
 * once. Parameters (OWASP minimum m=19 MiB, t=2, p=1 by default) are stored in each encoded hash,
 * so they can be raised later; {@link #needsRehash} tells when a stored hash is weaker than today's.
 */
@ApplicationScoped
public class Argon2idHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final ExecutorService pool;
    private final String decoy;
    private final Counter verifications;

    @Inject
    public Argon2idHasher(KeysConfig config, MeterRegistry meters) {
        this(
                config.argon2().memoryKib(),
                config.argon2().iterations(),
                config.argon2().parallelism(),
                config.argon2().concurrency(),
                meters);
    }

    public Argon2idHasher(int memoryKib, int iterations, int parallelism, int concurrency, MeterRegistry meters) {
        if (memoryKib < 19456 || iterations < 2 || parallelism < 1) {
            throw new IllegalArgumentException("argon2id parameters below the OWASP minimum (m=19456 KiB, t=2, p=1)");
        }
        this.verifications = meters.counter("atc.keys.argon2.verifications");
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "argon2id");
            thread.setDaemon(true);
            return thread;
        });
        this.decoy = hashNow("decoy-" + System.nanoTime());
    }

    public Uni<String> hash(String secret) {
        return Uni.createFrom().item(() -> hashNow(secret)).runSubscriptionOn(pool);
    }

    public Uni<Boolean> verify(String encodedHash, String secret) {
        return Uni.createFrom().item(() -> verifyNow(encodedHash, secret)).runSubscriptionOn(pool);
    }

    /** The same work as a real verification against a hash that can never match: unknown keys cost as much. */
    public Uni<Boolean> verifyDecoy(String secret) {
        return Uni.createFrom()
                .item(() -> {
                    verifyNow(decoy, secret);
                    return false;
                })
                .runSubscriptionOn(pool);
    }

    public boolean needsRehash(String encodedHash) {
        return argon2.needsRehash(encodedHash, iterations, memoryKib, parallelism);
    }

    String hashNow(String secret) {
        char[] chars = secret.toCharArray();
        try {
            return argon2.hash(iterations, memoryKib, parallelism, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    boolean verifyNow(String encodedHash, String secret) {
        verifications.increment();
        char[] chars = secret.toCharArray();
        try {
            return argon2.verify(encodedHash, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
