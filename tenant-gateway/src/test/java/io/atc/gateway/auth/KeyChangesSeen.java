package io.atc.gateway.auth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/** A test observer of {@link KeyChanged}, as the gateway's CORS and rate-limit caches observe it. */
@ApplicationScoped
public class KeyChangesSeen {

    private final List<KeyChanged> seen = new CopyOnWriteArrayList<>();

    void onChange(@ObservesAsync KeyChanged change) {
        seen.add(change);
    }

    List<KeyChanged> seen() {
        return seen;
    }
}
