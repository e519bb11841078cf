package io.atc.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Sends the run's Mosquitto a SIGHUP whenever the edge bridge rewrote the CRL file, so a revoked
 * certificate is refused at the next handshake: Mosquitto reads its crlfile at start and on SIGHUP
 * only. The bridge cannot do it itself under ./run (it starts before the broker's pid is known);
 * a deployment does the same with ATC_EDGE_PKI_CRL_RELOAD_COMMAND or a sidecar.
 */
final class CrlReloadWatcher implements AutoCloseable {

    private final Path crlFile;
    private final LongSupplier brokerPid;
    private final ScheduledExecutorService timer;
    private FileTime seen;

    private CrlReloadWatcher(Path crlFile, LongSupplier brokerPid) {
        this.crlFile = crlFile;
        this.brokerPid = brokerPid;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atc-crl-reload");
            thread.setDaemon(true);
            return thread;
        });
        this.seen = modified();
    }

    static CrlReloadWatcher start(Path crlFile, LongSupplier brokerPid) {
        CrlReloadWatcher watcher = new CrlReloadWatcher(crlFile, brokerPid);
        watcher.timer.scheduleWithFixedDelay(watcher::reloadIfChanged, 1, 1, TimeUnit.SECONDS);
        return watcher;
    }

    private void reloadIfChanged() {
        FileTime now = modified();
        if (now == null || now.equals(seen)) {
            return;
        }
        seen = now;
        try {
            new ProcessBuilder("kill", "-HUP", Long.toString(brokerPid.getAsLong()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("could not make the broker reload its CRL file: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(crlFile);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
