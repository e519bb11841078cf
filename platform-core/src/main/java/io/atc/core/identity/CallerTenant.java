package io.atc.core.identity;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;

/**
 * The tenant of the current request, taken only from the internal token the gateway minted
 * (smallrye-jwt has verified its signature, issuer and expiry). Never from a header, a path or a body.
 */
@RequestScoped
public class CallerTenant {

    public static final String TENANT_CLAIM = "tenant";

    private final JsonWebToken token;

    public CallerTenant(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        Object claim = token.getClaim(TENANT_CLAIM);
        if (claim == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "A valid credential is required.");
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "A valid credential is required.");
        }
    }
}
