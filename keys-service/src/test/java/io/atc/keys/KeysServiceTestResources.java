package io.atc.keys;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.atc.core.crypto.Ed25519Keys;
import io.atc.testkit.quarkus.AtcTestResources;

/** The run's database and token key, plus a pepper of this run's own. */
public class KeysServiceTestResources extends AtcTestResources {

    public static final String PEPPER = newPepper();
    public static final int ITERATIONS = 3;
    /** Shared by every replica of a deployment; a second replica in a test is made with it too. */
    public static final String SESSION_SIGNING_KEY =
            Ed25519Keys.base64(Ed25519Keys.generate().getPrivate());

    public static final String OPERATOR_TOKEN =
            "atc_op_" + java.util.HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("atc.keys.pepper", PEPPER);
        config.put("atc.operator.token", OPERATOR_TOKEN);
        config.put("atc.console.session-signing-key", SESSION_SIGNING_KEY);
        // One step above the OWASP minimum, so a hash made at the minimum is "old" and gets upgraded on use.
        config.put("atc.keys.argon2.iterations", String.valueOf(ITERATIONS));
        return config;
    }

    private static String newPepper() {
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        return Base64.getEncoder().encodeToString(pepper);
    }
}
