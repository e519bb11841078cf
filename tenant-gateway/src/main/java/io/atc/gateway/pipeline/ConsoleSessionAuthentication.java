package io.atc.gateway.pipeline;

import jakarta.inject.Singleton;

import io.atc.gateway.session.ConsoleSessionClient;
import io.atc.gateway.session.SessionCheck;
import io.atc.gateway.session.SessionCookies;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** Console sessions as the request's cookies present them ({@link SessionCookies}), checked by the keys-service. */
@Singleton
public class ConsoleSessionAuthentication implements SessionAuthentication {

    private final ConsoleSessionClient client;

    public ConsoleSessionAuthentication(ConsoleSessionClient client) {
        this.client = client;
    }

    @Override
    public String presentedSession(MultiMap headers) {
        return SessionCookies.from(headers.getAll(HttpHeaders.COOKIE));
    }

    @Override
    public Uni<SessionCheck> authenticate(String session, String method, String csrf) {
        return client.check(session, method, csrf);
    }
}
