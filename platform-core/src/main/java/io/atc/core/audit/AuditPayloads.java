package io.atc.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The salted commitment to an audit payload: payload_hash = SHA-256(salt || RFC 8785 canonical
 * JSON of the payload), with a fresh random salt per event, so a guessable payload cannot be
 * confirmed from its hash once erased.
 */
public final class AuditPayloads {

    public static final int SALT_BYTES = 32;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuditPayloads() {}

    public static byte[] canonicalJson(Map<String, Object> payload) {
        try {
            return canonicalJson(JSON.writeValueAsString(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("audit payload is not JSON-serialisable", e);
        }
    }

    /** RFC 8785 canonical form of JSON text (as stored, or as read back from jsonb). */
    public static byte[] canonicalJson(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException("audit payload is not canonicalisable JSON", e);
        }
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    public static byte[] payloadHash(byte[] salt, byte[] canonicalJson) {
        MessageDigest sha256 = sha256();
        sha256.update(salt);
        sha256.update(canonicalJson);
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }
}
