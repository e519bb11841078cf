package io.atc.gateway.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the gateway knows about a verified, active key: enough to route, to check the caller's IP
 * and origin, to rate-limit and to mint the internal token. Never the key itself.
 *
 * @param expiresAt null when the key does not expire
 * @param allowedCidrs canonical CIDRs (io.atc.core.net.Cidrs); empty means any address
 * @param allowedOrigins canonical origins (io.atc.core.net.Origins); empty means no browser origin
 */
public record AuthenticatedKey(
        UUID tenant,
        UUID keyId,
        String prefix,
        List<String> scopes,
        Instant expiresAt,
        List<String> allowedCidrs,
        List<String> allowedOrigins) {

    public AuthenticatedKey {
        scopes = List.copyOf(scopes);
        allowedCidrs = List.copyOf(allowedCidrs);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
