package io.atc.audit.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads checkpoint files ({@code <dir>/<tenant>/<seq, 20 digits>.json}) and checks their
 * signature; shared by the service and the offline verifier, which holds only the public key.
 */
public final class CheckpointFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFiles() {
    }

    public static Path fileOf(Path directory, Checkpoint checkpoint) {
        return directory.resolve(checkpoint.tenant().toString()).resolve(String.format("%020d.json", checkpoint.seq()));
    }

    /** The newest checkpoint held for the tenant; fails if its signature does not verify with {@code key}. */
    public static Optional<Checkpoint> newest(Path directory, UUID tenant, PublicKey key) {
        Path tenantDir = directory.resolve(tenant.toString());
        if (!Files.isDirectory(tenantDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(tenantDir)) {
            Optional<Path> newest = files.filter(file -> file.getFileName().toString().matches("\\d{20}\\.json"))
                    .max(Path::compareTo);
            return newest.map(file -> parse(tenant, file, key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints of " + tenant, e);
        }
    }

    /** The public key written beside the checkpoints, for offline verification. */
    public static Optional<PublicKey> publicKeyIn(Path directory) {
        Path file = directory.resolve(CheckpointKeys.PUBLIC_KEY_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(CheckpointKeys.publicKey(Files.readString(file)))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Checkpoint parse(UUID tenant, Path file, PublicKey key) {
        Checkpoint checkpoint;
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
            checkpoint = new Checkpoint(UUID.fromString(node.path("tenant").asText()), node.path("seq").asLong(),
                    HexFormat.of().parseHex(node.path("headHash").asText()), Instant.parse(node.path("signedAt").asText()));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointTamperedException("checkpoint " + file.getFileName() + " is unreadable");
        }
        if (!checkpoint.tenant().equals(tenant) || node.path("v").asInt() != Checkpoint.VERSION
                || !CheckpointKeys.verify(key, checkpoint.signedBytes(), node.path("signature").asText())) {
            throw new CheckpointTamperedException("checkpoint " + file.getFileName() + " does not carry a valid signature");
        }
        return checkpoint;
    }
}
