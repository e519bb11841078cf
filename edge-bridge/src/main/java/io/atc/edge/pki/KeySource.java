package io.atc.edge.pki;

/** Where a device certificate's key pair came from. */
enum KeySource {
    /** The device made its key and sent a CSR; the platform never saw the private key. */
    CSR("csr"),
    /** The platform generated the key and returned it once; it kept no copy. */
    GENERATED("generated");

    private final String stored;

    KeySource(String stored) {
        this.stored = stored;
    }

    String stored() {
        return stored;
    }
}
