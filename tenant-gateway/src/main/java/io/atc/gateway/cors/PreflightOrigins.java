package io.atc.gateway.cors;

import java.util.Set;

import jakarta.inject.Singleton;

/**
 * The canonical browser origins of every active key, which is what a preflight (it carries no key)
 * is answered from. Reads are one volatile load of an immutable set; {@link PreflightOriginsLoader}
 * replaces the set as a whole. Empty until the first load succeeds: preflights are refused, never
 * guessed.
 */
@Singleton
public class PreflightOrigins {

    private volatile Set<String> origins = Set.of();

    public boolean contains(String canonicalOrigin) {
        return canonicalOrigin != null && origins.contains(canonicalOrigin);
    }

    public int size() {
        return origins.size();
    }

    void replace(Set<String> current) {
        origins = Set.copyOf(current);
    }
}
