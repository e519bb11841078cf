package io.atc.core.identity;

import java.util.Set;
import java.util.UUID;

/** Who is calling: their tenant, the actor name the audit trail records for them, and the scopes they hold. */
public record Caller(UUID tenantId, String actor, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the caller holds {@code scope}; admin holds every scope. */
    public boolean holds(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }
}
