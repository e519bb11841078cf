package io.atc.gateway.clientip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.atc.core.config.InternalTokenConfig;

/**
 * The browser's address, vouched for by the gateway, for the console to send back. The console calls
 * the API from its own server, so without this every console user's sign-in and session check would
 * count against the console's one address: one client hammering sign-in would lock every admin out,
 * and many admins would share five page views a second. The gateway adds a voucher when it forwards a
 * console page; the console copies it onto its calls; on the console's session endpoints the gateway
 * counts the call against the vouched address.
 *
 * <p>A voucher is {@code 1.<expiry epoch s>.<address bytes>.<HMAC-SHA256>}, keyed by a key derived from
 * the internal-token signing key every gateway replica holds, valid for a minute. A browser cannot make
 * one (and one a browser sends is never forwarded), and replaying one only spends that address's budget.
 */
@Singleton
public class ClientVouchers {

    public static final String HEADER = "X-Atc-Client-Voucher";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    @Inject
    public ClientVouchers(InternalTokenConfig token) {
        this(token.privateKey().orElse(""), Clock.systemUTC());
    }

    /** Vouchers under a key derived from {@code signingKey}, on the system clock (tests, tools). */
    public static ClientVouchers withKey(String signingKey) {
        return new ClientVouchers(signingKey, Clock.systemUTC());
    }

    ClientVouchers(String signingKey, Clock clock) {
        this.key = signingKey.isBlank() ? null : derive(signingKey);
        this.clock = clock;
    }

    /** A voucher for {@code client}, or null when there is no key or no address. */
    public String vouchFor(InetAddress client) {
        if (key == null || client == null) {
            return null;
        }
        String body = "1." + clock.instant().plus(LIFETIME).getEpochSecond() + "."
                + ENCODER.encodeToString(client.getAddress());
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** The address a valid, unexpired voucher names; null for anything else (absent, malformed, forged, old). */
    public InetAddress vouched(String voucher) {
        if (key == null || voucher == null || voucher.length() > 200) {
            return null;
        }
        int lastDot = voucher.lastIndexOf('.');
        String[] parts = voucher.split("\\.", -1);
        if (parts.length != 4 || !"1".equals(parts[0])) {
            return null;
        }
        try {
            String body = voucher.substring(0, lastDot);
            if (!MessageDigest.isEqual(mac(body), DECODER.decode(parts[3]))) {
                return null;
            }
            if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
                return null;
            }
            byte[] address = DECODER.decode(parts[2]);
            return address.length == 4 || address.length == 16 ? InetAddress.getByAddress(address) : null;
        } catch (IllegalArgumentException | UnknownHostException malformed) {
            return null;
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    /** A key of its own, so a voucher can never be confused with, or help forge, an internal token. */
    private static SecretKeySpec derive(String signingKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("atc client voucher v1\n".getBytes(StandardCharsets.US_ASCII));
            return new SecretKeySpec(sha256.digest(signingKey.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("SHA-256 is part of every JDK", unavailable);
        }
    }
}
