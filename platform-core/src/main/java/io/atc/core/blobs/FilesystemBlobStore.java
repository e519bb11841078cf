package io.atc.core.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Blobs as files under one directory, one file per key. A blob is written to a temporary file in
 * its final directory, forced to disk, then renamed into place (and the directory forced), so a
 * crash leaves either no blob or the whole blob under the key, and the blob is durable before the
 * database row that points at it commits.
 */
public final class FilesystemBlobStore implements BlobStore {

    private static final Pattern KEY =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}");

    private final Path root;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredBlob putIfAbsent(String key, byte[] content) throws IOException {
        Path target = resolve(key);
        if (Files.isRegularFile(target)) {
            return describe(key, target);
        }
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temporary, target);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new StoredBlob(key, content.length, sha256().digest(content));
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path target = resolve(key);
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            forceDirectory(target.getParent());
        }
        return deleted;
    }

    private Path resolve(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return root.resolve(key);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "the blob directory's file system cannot rename atomically: " + target.getParent(), e);
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, and do not need to. */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException notOnThisPlatform) {
            // Windows cannot open a directory as a channel; its renames are durable without it.
        }
    }

    private static StoredBlob describe(String key, Path file) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                sha256.update(chunk, 0, read);
                size += read;
            }
        }
        return new StoredBlob(key, size, sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
