package io.atc.keys.tenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.keys.config.OperatorConfig;

/**
 * The platform operator's credential (ATC_OPERATOR_TOKEN, a secret), which the gateway forwards
 * in X-Operator-Token on operator routes. Compared as SHA-256 digests in constant time; without a
 * configured credential nothing matches, so no tenant can be created.
 */
@ApplicationScoped
public class OperatorCredential {

    static final String HEADER = "X-Operator-Token";

    private final Optional<byte[]> expected;

    public OperatorCredential(OperatorConfig config) {
        this.expected = config.token().filter(value -> value.length() >= 32).map(OperatorCredential::digest);
    }

    public boolean matches(String presented) {
        return presented != null && expected.isPresent() && MessageDigest.isEqual(expected.get(), digest(presented));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
