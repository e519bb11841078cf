package io.atc.edge.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A sealed intermediate key opens only with the KEK that sealed it, unaltered, in the row (tenant)
 * it was sealed for.
 * Breaks when: seal/open drop the associated data (checked: the ciphertext then opens for another
 * row) or the GCM tag check.
 */
class KeyEncryptionKeyTests {

    private final KeyEncryptionKey kek = KeyEncryptionKey.generate();
    private final byte[] secret = "PKCS#8 bytes of a tenant CA key".getBytes(StandardCharsets.US_ASCII);
    private final byte[] tenantA = "tenant-a".getBytes(StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealed() {
        KeyEncryptionKey.Sealed sealed = kek.seal(secret, tenantA);

        assertThat(sealed.ciphertext()).isNotEqualTo(secret);
        assertThat(kek.open(sealed, tenantA)).isEqualTo(secret);
    }

    @Test
    void refusesAnotherRowsDataAlteredBytesAndAnotherKek() {
        KeyEncryptionKey.Sealed sealed = kek.seal(secret, tenantA);
        byte[] altered = sealed.ciphertext().clone();
        altered[0] ^= 1;

        assertThatThrownBy(() -> kek.open(sealed, "tenant-b".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> kek.open(new KeyEncryptionKey.Sealed(sealed.nonce(), altered), tenantA))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KeyEncryptionKey.generate().open(sealed, tenantA))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idNamesTheKeyWithoutRevealingIt() {
        KeyEncryptionKey same = KeyEncryptionKey.fromBase64(kek.base64());

        assertThat(same.id())
                .isEqualTo(kek.id())
                .hasSize(16)
                .isNotEqualTo(KeyEncryptionKey.generate().id());
        assertThat(kek.toString()).doesNotContain(kek.base64());
    }
}
