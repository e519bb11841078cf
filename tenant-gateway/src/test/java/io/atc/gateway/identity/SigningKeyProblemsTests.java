package io.atc.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.testkit.identity.InternalTokens;

/**
 * The start-up check names what is wrong with the signing key. Breaks when: a missing, malformed or
 * mismatched key passes (every forwarded request would then be rejected upstream) or a good one is refused.
 */
class SigningKeyProblemsTests {

    @Test
    void aMatchingPairIsFine() {
        assertThat(InternalTokenMinter.problemWith(
                        Optional.of(InternalTokens.privateKey()), Optional.of(InternalTokens.publicKey())))
                .isEmpty();
        assertThat(InternalTokenMinter.problemWith(Optional.of(InternalTokens.privateKey()), Optional.empty()))
                .isEmpty();
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThat(InternalTokenMinter.problemWith(Optional.empty(), Optional.empty()))
                .hasValueSatisfying(
                        problem -> assertThat(problem).startsWith("ATC_INTERNAL_JWT_PRIVATE_KEY is not set"));
        assertThat(InternalTokenMinter.problemWith(Optional.of("  "), Optional.empty()))
                .isPresent();
    }

    @Test
    void aMalformedKeyIsNamed() {
        assertThat(InternalTokenMinter.problemWith(Optional.of("bm90IGEga2V5"), Optional.empty()))
                .hasValue("ATC_INTERNAL_JWT_PRIVATE_KEY is not a base64 PKCS#8 Ed25519 private key");
        assertThat(InternalTokenMinter.problemWith(Optional.of(InternalTokens.publicKey()), Optional.empty()))
                .isPresent();
    }

    @Test
    void aKeyThatDoesNotPairWithThePublicKeyIsNamed() {
        String stranger = Ed25519Keys.base64(Ed25519Keys.generate().getPrivate());

        assertThat(InternalTokenMinter.problemWith(Optional.of(stranger), Optional.of(InternalTokens.publicKey())))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("does not pair with ATC_INTERNAL_JWT_PUBLIC_KEY"));
    }
}
