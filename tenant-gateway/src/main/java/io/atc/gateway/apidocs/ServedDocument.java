package io.atc.gateway.apidocs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One rendering of the public API document as the gateway serves it, with its strong ETag (the
 * SHA-256 of the bytes: a changed document is a new tag, the same bytes on every replica the same one).
 */
public record ServedDocument(String path, String mediaType, byte[] bytes, String etag) {

    static ServedDocument of(String path, String mediaType, byte[] bytes) {
        return new ServedDocument(path, mediaType, bytes, "\"" + sha256(bytes) + "\"");
    }

    /** Whether an If-None-Match value names this document (weak comparison, as RFC 9110 asks of it). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
