package io.atc.keys.apikeys.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.identity.Scope;

/** The scopes a key or console user is given (platform-core's {@link Scope} names them all), and who may grant them. */
public final class Scopes {

    private static final Comparator<Scope> BY_WIRE_NAME = Comparator.comparing(Scope::wireName);

    private Scopes() {}

    /** The scopes a client named, each once, in wire-name order; 422 naming {@code field} for none or an unknown one. */
    public static List<Scope> canonical(String field, List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw ProblemException.invalid(field, "name at least one scope of " + Scope.wireNames());
        }
        for (int i = 0; i < scopes.size(); i++) {
            if (Optional.ofNullable(scopes.get(i)).flatMap(Scope::fromWireName).isEmpty()) {
                throw ProblemException.invalid(field + "[" + i + "]", "unknown scope; one of " + Scope.wireNames());
            }
        }
        return scopes.stream()
                .map(scope -> Scope.fromWireName(scope).orElseThrow())
                .distinct()
                .sorted(BY_WIRE_NAME)
                .toList();
    }

    /** The scopes of a stored key or user, written by {@link #canonical} and so all known. */
    public static List<Scope> stored(List<String> scopes) {
        return scopes.stream()
                .map(scope -> Scope.fromWireName(scope)
                        .orElseThrow(() -> new IllegalStateException("a stored scope no Scope names: " + scope)))
                .toList();
    }

    public static List<String> wireNames(Collection<Scope> scopes) {
        return scopes.stream().map(Scope::wireName).toList();
    }

    /**
     * No privilege escalation: a caller may hand out (in a key it creates or rotates, or to a
     * console user it creates) only scopes it holds itself, or it could mint its way to admin.
     * Checked before anything is written, so a refusal leaves nothing behind.
     */
    public static void requireGrantableBy(Caller caller, Collection<Scope> scopes) {
        List<String> lacking = scopes.stream()
                .filter(scope -> !caller.holds(scope))
                .map(Scope::wireName)
                .sorted()
                .toList();
        if (!lacking.isEmpty()) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "A caller can only grant scopes it holds itself;" + " this one lacks " + String.join(", ", lacking)
                            + ".");
        }
    }
}
