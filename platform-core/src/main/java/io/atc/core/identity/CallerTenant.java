package io.atc.core.identity;

import java.util.Collection;
import java.util.HashSet;
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

    public Caller current() {
        return new Caller(id(), actor(), scopes());
    }

    /** The caller, provided its key carries {@code scope} (or admin); otherwise 403. */
    public Caller requiring(String scope) {
        Caller caller = current();
        if (!caller.holds(scope)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This key lacks the " + scope + " scope.");
        }
        return caller;
    }

    /** Who acts, as the audit trail names it: the token's subject (an API key or a console user). */
    public String actor() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw unauthenticated();
        }
        return subject;
    }

    private Set<String> scopes() {
        Object claim = token.getClaim(SCOPES_CLAIM);
        Set<String> scopes = new HashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(value.toString().replace("\"", "")));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> scopes.add(value.toString().replace("\"", "")));
        }
        return scopes;
    }

    private static ProblemException unauthenticated() {
        return new ProblemException(ProblemType.UNAUTHENTICATED, "A valid credential is required.");
    }
}
