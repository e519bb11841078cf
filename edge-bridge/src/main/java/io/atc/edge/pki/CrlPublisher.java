package io.atc.edge.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.atc.core.audit.AuditEntry;
import io.atc.core.startup.StartupRefusal;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.CrossTenantRead;
import io.atc.core.tenancy.CrossTenantReads;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.edge.config.EdgeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the broker's CRL file current: the root's CRL followed by every tenant CA's, PEM, written
 * atomically (never empty, never half-written: Mosquitto 2.0 keeps accepting revoked certificates
 * when a reload finds the file unreadable) and followed by the reload command. Runs at start-up,
 * after every revocation, and every interval, when it also re-signs the CRLs that are due: those
 * past half their validity, and those missing a revocation made elsewhere (a deleted device).
 */
@ApplicationScoped
public class CrlPublisher {

    private static final Logger LOG = Logger.getLogger(CrlPublisher.class);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);

    private final CrossTenantReads reads;
    private final TenantTransactions transactions;
    private final TenantCas tenantCas;
    private final PkiMaterial material;
    private final EdgeConfig.Pki config;
    private final Vertx vertx;
    private final CrlReloadCommand reload;
    private final ReentrantLock writing = new ReentrantLock();
    private byte[] rootCrl;
    private Instant rootCrlSigned;
    private boolean reloadPending;
    private long timer = -1;

    public CrlPublisher(
            CrossTenantReads reads,
            TenantTransactions transactions,
            TenantCas tenantCas,
            PkiMaterial material,
            EdgeConfig config,
            Vertx vertx) {
        this.reads = reads;
        this.transactions = transactions;
        this.tenantCas = tenantCas;
        this.material = material;
        this.config = config.pki();
        this.vertx = vertx;
        this.reload = new CrlReloadCommand(this.config.crlReloadCommand());
    }

    void onStart(@Observes @Priority(StartupRefusal.AFTER_CHECKS) StartupEvent event) {
        if (StartupRefusal.refused()) {
            return;
        }
        try {
            refreshDue().await().atMost(QUERY_TIMEOUT.multipliedBy(2));
            publishNow();
        } catch (UncheckedIOException e) {
            StartupRefusal.refuse("ATC-STARTUP-PKI cannot write the CRL file " + config.effectiveCrlFile() + ": "
                    + e.getCause().getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.errorf(
                    "The CRL file was not brought up to date at start-up: %s; retrying every %s",
                    e.getMessage(), config.crlPublishInterval());
        }
        if (!reload.configured()) {
            LOG.warnf(
                    "ATC_EDGE_PKI_CRL_RELOAD_COMMAND is not set: the broker reads %s only when it restarts or"
                            + " receives SIGHUP",
                    config.effectiveCrlFile());
        }
        timer = vertx.setPeriodic(config.crlPublishInterval().toMillis(), id -> refreshDue()
                .call(this::publish)
                .subscribe()
                .with(done -> {}, e -> LOG.errorf("CRL refresh failed: %s", e.getMessage())));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    /** Rewrites the CRL file from the database if it changed, then has the broker reload it. */
    public Uni<Void> publish() {
        return WorkerThreads.offload(() -> {
            publishNow();
            return null;
        });
    }

    /** Re-signs, one tenant transaction each, the CRLs that expire within half their validity or miss a revocation. */
    Uni<Void> refreshDue() {
        Instant horizon = Instant.now().plus(config.crlValidity().dividedBy(2));
        return reads.read(CrossTenantRead.TENANTS_WITH_CRL_DUE, Tuple.of(horizon.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.stream().map(row -> row.getUUID("tenant_id")).toList())
                .flatMap(tenants -> Multi.createFrom()
                        .iterable(tenants)
                        .onItem()
                        .transformToUniAndConcatenate(this::reissue)
                        .collect()
                        .asList())
                .replaceWithVoid();
    }

    private Uni<Long> reissue(UUID tenantId) {
        return transactions.mutate(tenantId, sql -> tenantCas
                .find(sql)
                .flatMap(ca -> tenantCas.reissueCrl(sql, ca.orElseThrow()))
                .map(number -> Audited.of(
                        number,
                        new AuditEntry("platform", "pki.crl.reissued", "tenant-ca", Map.of("crlNumber", number)))));
    }

    private void publishNow() {
        writing.lock();
        try {
            List<byte[]> tenantCrls = reads.read(CrossTenantRead.PUBLISHED_CRLS).await().atMost(QUERY_TIMEOUT).stream()
                    .map(row -> row.getBuffer("crl").getBytes())
                    .toList();
            StringBuilder content = new StringBuilder(Pem.crl(rootCrl()));
            tenantCrls.forEach(crl -> content.append(Pem.crl(crl)));
            if (writeIfChanged(config.effectiveCrlFile(), content.toString())) {
                LOG.infof(
                        "Wrote the CRL file %s: the root's CRL and %d tenant CA CRL(s)",
                        config.effectiveCrlFile(), tenantCrls.size());
                reloadPending = true;
            }
            if (reloadPending) {
                reload.run();
                reloadPending = false;
            }
        } finally {
            writing.unlock();
        }
    }

    /** The root's CRL, re-signed once it is past half its validity (the broker rejects an expired CRL). */
    private byte[] rootCrl() {
        Instant now = Instant.now();
        if (rootCrl == null
                || rootCrlSigned.plus(config.crlValidity().dividedBy(2)).isBefore(now)) {
            rootCrl = material.root().crl(now, config.crlValidity());
            rootCrlSigned = now;
        }
        return rootCrl;
    }

    private static boolean writeIfChanged(Path file, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.write(temporary, bytes);
                temporary.toFile().setReadable(true, false);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
