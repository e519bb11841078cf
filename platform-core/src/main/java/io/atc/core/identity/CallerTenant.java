package io.atc.core.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;

/**
 * The caller of the current request, taken only from the internal token the gateway minted
 * (smallrye-jwt has verified its signature, issuer, audience and expiry). Never from a header, a
 * path or a body.
 */
@RequestScoped
public class CallerTenant {

    public static final String TENANT_CLAIM = "tenant";
    public static final String SCOPES_CLAIM = "scopes";

    private final JsonWebToken token;

    public CallerTenant(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        Object claim = token.getClaim(TENANT_CLAIM);
        if (claim == null) {
            throw unauthenticated();
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw unauthenticated();
        }
    }

    /** The caller; {@link ScopeCheck} has already refused it if it lacks the method's {@link RequiresScope}. */
    public Caller current() {
        return new Caller(id(), actor(), scopes());
    }

    /** Who acts, as the audit trail names it: the token's subject (an API key or a console user). */
    public String actor() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw unauthenticated();
        }
        return subject;
    }

    /** The token's scopes; a name no {@link Scope} has grants nothing. */
    private Set<Scope> scopes() {
        Object claim = token.getClaim(SCOPES_CLAIM);
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (claim instanceof Collection<?> values) {
            values.forEach(value ->
                    Scope.fromWireName(value.toString().replace("\"", "")).ifPresent(scopes::add));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value ->
                    Scope.fromWireName(value.toString().replace("\"", "")).ifPresent(scopes::add));
        }
        return scopes;
    }

    private static ProblemException unauthenticated() {
        return new ProblemException(ProblemType.UNAUTHENTICATED, "A valid credential is required.");
    }
}
