package io.atc.core.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fixed set of scopes a key or console user may carry (docs/keys.md explains each). An endpoint
 * declares the one it needs with {@link RequiresScope}; {@link #ADMIN} holds every scope.
 */
public enum Scope {
    ADMIN("admin"),
    KEYS_READ("keys:read"),
    KEYS_WRITE("keys:write"),
    AUDIT_READ("audit:read"),
    AUDIT_ERASE("audit:erase"),
    SITES_READ("sites:read"),
    SITES_WRITE("sites:write"),
    DEVICES_READ("devices:read"),
    DEVICES_WRITE("devices:write"),
    EVENTS_READ("events:read"),
    IMAGES_READ("images:read"),
    RETENTION_READ("retention:read"),
    RETENTION_WRITE("retention:write");

    private static final SortedSet<String> WIRE_NAMES =
            Arrays.stream(values()).map(Scope::wireName).collect(Collectors.toCollection(TreeSet::new));

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name keys, tokens and the API carry: {@code sites:read}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWireName(String wireName) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(wireName)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** Every scope's wire name, in alphabetical order. */
    public static SortedSet<String> wireNames() {
        return WIRE_NAMES;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
