package io.atc.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * {@code atc_<env>_<id>_<secret><crc>}: env from deployment config, id 12 random base62 characters
 * (public), secret 32 random base62 characters (~190 bits, SecureRandom), crc 6 base62 characters of
 * the CRC32 of everything before it. The checksum rejects typos and fakes before any database or
 * argon2 work, and lets secret scanners recognise a real key.
 */
public final class ApiKeyFormat {

    /** No key is longer; anything longer is refused before any other work. */
    public static final int MAX_LENGTH = 128;

    static final int ID_LENGTH = 12;
    static final int SECRET_LENGTH = 32;
    static final int CRC_LENGTH = 6;
    static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9]{1,15}");
    private static final Pattern SHAPE = Pattern.compile("atc_([a-z][a-z0-9]{1,15})_([0-9A-Za-z]{" + ID_LENGTH
            + "})_([0-9A-Za-z]{" + (SECRET_LENGTH + CRC_LENGTH) + "})");

    private final String environment;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyFormat(String environment) {
        if (!ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException("key environment must match " + ENVIRONMENT.pattern());
        }
        this.environment = environment;
    }

    public String environment() {
        return environment;
    }

    public ParsedApiKey generate() {
        String prefix = "atc_" + environment + "_" + Base62.random(random, ID_LENGTH);
        String body = prefix + "_" + Base62.random(random, SECRET_LENGTH);
        return new ParsedApiKey(body + checksum(body), prefix);
    }

    /** The key, if it has the right shape, this deployment's env and a valid checksum; else nothing. */
    public Optional<ParsedApiKey> parse(String presented) {
        if (presented == null || presented.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(presented);
        if (!matcher.matches() || !matcher.group(1).equals(environment)) {
            return Optional.empty();
        }
        String body = presented.substring(0, presented.length() - CRC_LENGTH);
        if (!checksum(body).equals(presented.substring(presented.length() - CRC_LENGTH))) {
            return Optional.empty();
        }
        return Optional.of(new ParsedApiKey(presented, "atc_" + environment + "_" + matcher.group(2)));
    }

    public static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.fixedWidth(crc.getValue(), CRC_LENGTH);
    }
}
