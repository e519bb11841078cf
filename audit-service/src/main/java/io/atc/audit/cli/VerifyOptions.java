package io.atc.audit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.atc.core.crypto.Ed25519Keys;

/**
 * What the operator asked the verifier for: one tenant or all, and the checkpoint public key to
 * trust. The key comes from the operator only (--checkpoint-public-key &lt;file&gt; or
 * ATC_AUDIT_CHECKPOINT_PUBLIC_KEY), never from the checkpoint store it vouches for: whoever can
 * write that store could replace key and checkpoints together. Without a key the verifier runs
 * only when told --skip-checkpoints, and then says the rewind check was skipped.
 */
record VerifyOptions(Optional<UUID> tenant, Path checkpointDir, Optional<PublicKey> checkpointKey) {

    static final String USAGE =
            "usage: audit-verify (--all | --tenant <uuid>)" + " (--checkpoint-public-key <file> | --skip-checkpoints)";

    boolean skipCheckpoints() {
        return checkpointKey.isEmpty();
    }

    /** @throws IllegalArgumentException with the words for the operator when the request cannot run */
    static VerifyOptions parse(String[] args, Map<String, String> env) {
        boolean all = false;
        Optional<UUID> tenant = Optional.empty();
        Optional<String> keyFile = Optional.empty();
        boolean skip = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--all" -> all = true;
                case "--tenant" -> tenant = Optional.of(tenantId(value(args, ++i, "--tenant")));
                case "--checkpoint-public-key" -> keyFile = Optional.of(value(args, ++i, "--checkpoint-public-key"));
                case "--skip-checkpoints" -> skip = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (all == tenant.isPresent()) {
            throw new IllegalArgumentException("expected either --all or --tenant <uuid>");
        }
        Path checkpointDir = Path.of(env.getOrDefault(
                "ATC_AUDIT_CHECKPOINT_DIR", System.getProperty("user.home") + "/.atc/audit-checkpoints"));
        Optional<String> key = keyFile.map(file -> readKeyFile(Path.of(file), checkpointDir))
                .or(() -> Optional.ofNullable(env.get("ATC_AUDIT_CHECKPOINT_PUBLIC_KEY"))
                        .filter(value -> !value.isBlank()));
        if (skip && key.isPresent()) {
            throw new IllegalArgumentException(
                    "--skip-checkpoints and a trusted checkpoint public key exclude each other");
        }
        if (!skip && key.isEmpty()) {
            throw new IllegalArgumentException(
                    "no trusted checkpoint public key: pass --checkpoint-public-key <file> or set"
                            + " ATC_AUDIT_CHECKPOINT_PUBLIC_KEY to the key the audit-service logs at start"
                            + " (ATC-AUDIT-CHECKPOINT-KEY),"
                            + " never a key found in the checkpoint directory; or pass --skip-checkpoints to verify without"
                            + " detecting a rewound or truncated chain");
        }
        return new VerifyOptions(tenant, checkpointDir, key.map(VerifyOptions::publicKey));
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static UUID tenantId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a tenant id: " + text);
        }
    }

    private static String readKeyFile(Path file, Path checkpointDir) {
        Path key = canonical(file);
        if (key.startsWith(canonical(checkpointDir))) {
            throw new IllegalArgumentException("the checkpoint public key " + file + " lies in the checkpoint directory"
                    + " it would vouch for: take it from where the operator keeps it");
        }
        try {
            return Files.readString(key);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the checkpoint public key " + file + ": " + e.getMessage());
        }
    }

    /** Links resolved, so a link elsewhere that points into the checkpoint directory is seen for what it is. */
    private static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            return Ed25519Keys.publicKey(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint public key is " + e.getMessage());
        }
    }
}
