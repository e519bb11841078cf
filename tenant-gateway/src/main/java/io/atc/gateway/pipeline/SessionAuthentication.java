package io.atc.gateway.pipeline;

import io.atc.gateway.session.SessionCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;

/**
 * What the pipeline needs to accept a console session in place of an API key (bound to
 * {@code session.ConsoleSessionClient} by {@link ConsoleSessionAuthentication}).
 */
public interface SessionAuthentication {

    /** The console session cookie the request carries, or null when it carries none. */
    String presentedSession(MultiMap headers);

    /** Never fails: a refusal and an outage are {@link SessionCheck} outcomes. */
    Uni<SessionCheck> authenticate(String session, String method, String csrf);
}
