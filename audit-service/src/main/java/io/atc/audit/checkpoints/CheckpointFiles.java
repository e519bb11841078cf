package io.atc.audit.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.core.crypto.Ed25519Keys;

/**
 * The checkpoint file format ({@code <dir>/<tenant>/<seq, 20 digits>.json}): writing, and reading
 * with a signature check. Shared by the service and the offline verifier, which holds only the
 * public key its operator gave it. Nothing here touches the framework (no CDI, no logging): the
 * verifier runs it as a plain program.
 */
public final class CheckpointFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFiles() {}

    public static Path fileOf(Path directory, Checkpoint checkpoint) {
        return directory.resolve(checkpoint.tenant().toString()).resolve(String.format("%020d.json", checkpoint.seq()));
    }

    /** Writes the checkpoint with its base64 signature, atomically; an existing file is never overwritten. */
    public static void write(Path directory, Checkpoint checkpoint, String signature) {
        Map<String, Object> file = new LinkedHashMap<>(checkpoint.fields());
        file.put("signature", signature);
        Path target = fileOf(directory, checkpoint);
        Path tenantDir = target.getParent();
        try {
            Files.createDirectories(tenantDir);
            if (Files.exists(target)) {
                return;
            }
            Path temporary = Files.createTempFile(tenantDir, "checkpoint", ".tmp");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /** The newest checkpoint held for the tenant; fails if its signature does not verify with {@code key}. */
    public static Optional<Checkpoint> newest(Path directory, UUID tenant, PublicKey key) {
        Path tenantDir = directory.resolve(tenant.toString());
        if (!Files.isDirectory(tenantDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(tenantDir)) {
            Optional<Path> newest = files.filter(
                            file -> file.getFileName().toString().matches("\\d{20}\\.json"))
                    .max(Path::compareTo);
            return newest.map(file -> parse(tenant, file, key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints of " + tenant, e);
        }
    }

    private static Checkpoint parse(UUID tenant, Path file, PublicKey key) {
        Checkpoint checkpoint;
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
            checkpoint = new Checkpoint(
                    UUID.fromString(node.path("tenant").asText()),
                    node.path("seq").asLong(),
                    HexFormat.of().parseHex(node.path("headHash").asText()),
                    Instant.parse(node.path("signedAt").asText()));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointTamperedException("checkpoint " + file.getFileName() + " is unreadable");
        }
        if (!checkpoint.tenant().equals(tenant)
                || node.path("v").asInt() != Checkpoint.VERSION
                || !Ed25519Keys.verify(
                        key, checkpoint.signedBytes(), node.path("signature").asText())) {
            throw new CheckpointTamperedException(
                    "checkpoint " + file.getFileName() + " does not carry a valid signature");
        }
        return checkpoint;
    }
}
