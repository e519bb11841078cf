package io.atc.keys.apikeys.rules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.atc.core.errors.ProblemException;

/** The fixed set of scopes a key may carry (docs/keys.md explains each). */
public final class Scopes {

    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(ADMIN,
            "keys:read", "keys:write",
            "audit:read", "audit:erase",
            "sites:read", "sites:write",
            "devices:read", "devices:write",
            "retention:read", "retention:write");

    private Scopes() {
    }

    public static List<String> canonical(String field, List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw ProblemException.invalid(field, "name at least one scope of " + new TreeSet<>(ALL));
        }
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (scope == null || !ALL.contains(scope)) {
                throw ProblemException.invalid(field + "[" + i + "]", "unknown scope; one of " + new TreeSet<>(ALL));
            }
            out.add(scope);
        }
        return List.copyOf(out);
    }
}
