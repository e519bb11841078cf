package io.atc.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.gateway.support.MutableClock;
import io.vertx.core.json.JsonObject;

/**
 * Internal tokens: signed EdDSA, carrying tenant, key and scopes, reused while fresh, never
 * outliving the key. Breaks when: tokens are re-signed per request, outlive their key, or the
 * signature does not verify with the public key services hold.
 */
class InternalTokenMinterTests {

    private final KeyPair keys = Ed25519Keys.generate();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final InternalTokenMinter minter =
            new InternalTokenMinter(keys.getPrivate(), "atc-gateway", "atc-services", Duration.ofMinutes(2), clock);
    private final AuthenticatedKey key = new AuthenticatedKey(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "atc_test_abcdefghijkl",
            List.of("sites:read"),
            null,
            List.of(),
            List.of());

    @Test
    void aKeyTokenIsSignedAndCarriesTenantKeyAndScopes() throws Exception {
        String token = minter.tokenFor(key);

        JsonObject claims = verified(token);
        assertThat(claims.getString("iss")).isEqualTo("atc-gateway");
        assertThat(claims.getString("aud")).isEqualTo("atc-services");
        assertThat(claims.getString("sub")).isEqualTo("key:" + key.keyId());
        assertThat(claims.getString("tenant")).isEqualTo(key.tenant().toString());
        assertThat(claims.getJsonArray("scopes").getList()).containsExactly("sites:read");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(120);
    }

    @Test
    void theTokenIsReusedUntilHalfItsLifeThenReminted() {
        String first = minter.tokenFor(key);
        clock.advance(Duration.ofSeconds(59));
        assertThat(minter.tokenFor(key)).isSameAs(first);
        clock.advance(Duration.ofSeconds(2));
        assertThat(minter.tokenFor(key)).isNotEqualTo(first);
    }

    @Test
    void aForgottenKeyGetsAFreshToken() {
        String first = minter.tokenFor(key);
        minter.forget(key.keyId());
        String second = minter.tokenFor(key);
        minter.forgetAll();

        assertThat(second).isNotEqualTo(first);
        assertThat(minter.tokenFor(key)).isNotEqualTo(second);
    }

    @Test
    void aTokenNeverOutlivesItsKey() throws Exception {
        AuthenticatedKey expiring = new AuthenticatedKey(
                key.tenant(),
                UUID.randomUUID(),
                key.prefix(),
                key.scopes(),
                clock.instant().plusSeconds(30),
                List.of(),
                List.of());

        JsonObject claims = verified(minter.tokenFor(expiring));

        assertThat(claims.getLong("exp"))
                .isEqualTo(clock.instant().plusSeconds(30).getEpochSecond());
    }

    @Test
    void theGatewayTokenCarriesTheGatewayGroupAndNoTenant() throws Exception {
        JsonObject claims = verified(minter.gatewayToken());

        assertThat(claims.getJsonArray("groups").getList()).containsExactly("gateway");
        assertThat(claims.containsKey("tenant")).isFalse();
    }

    private JsonObject verified(String token) throws Exception {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .contains("\"EdDSA\"");
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(keys.getPublic());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("signature")
                .isTrue();
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
