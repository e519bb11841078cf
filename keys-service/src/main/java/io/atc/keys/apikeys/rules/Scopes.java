package io.atc.keys.apikeys.rules;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;

/** The fixed set of scopes a key or console user may carry (docs/keys.md explains each), and who may grant them. */
public final class Scopes {

    public static final String ADMIN = Caller.ADMIN_SCOPE;
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

    /**
     * No privilege escalation: a caller may hand out (in a key it creates or rotates, or to a
     * console user it creates) only scopes it holds itself, or it could mint its way to admin.
     * Checked before anything is written, so a refusal leaves nothing behind.
     */
    public static void requireGrantableBy(Caller caller, List<String> scopes) {
        List<String> lacking = scopes.stream().filter(scope -> !caller.holds(scope)).sorted().toList();
        if (!lacking.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A caller can only grant scopes it holds itself;"
                    + " this one lacks " + String.join(", ", lacking) + ".");
        }
    }
}
