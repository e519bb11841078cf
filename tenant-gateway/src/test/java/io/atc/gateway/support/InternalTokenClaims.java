package io.atc.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.testkit.identity.InternalTokens;
import io.vertx.core.json.JsonObject;

/** Reads the internal token an upstream received, as a service would: only if it verifies with the run's public key. */
public final class InternalTokenClaims {

    private InternalTokenClaims() {}

    /** @param authorization the upstream's Authorization header @throws AssertionError unless it is a verifying EdDSA bearer token */
    public static JsonObject verified(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new AssertionError("no bearer token: " + authorization);
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWS");
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(Ed25519Keys.publicKey(InternalTokens.publicKey()));
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new AssertionError("the token does not verify with the services' public key");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
