package io.atc.console.session;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.web.FormTokens;
import io.atc.console.web.Pages;
import io.smallrye.mutiny.Uni;

/**
 * The one way a console page runs: for the signed-in user (asked of the gateway on every request, its
 * refreshed session cookie passed on), and, for a change, only when the form carries the session's CSRF
 * token. Signed out, the browser is sent to sign in; a form without its token is refused before anything
 * reaches the gateway.
 */
@ApplicationScoped
public class SignedInPages {

    private final CurrentSession sessions;

    public SignedInPages(CurrentSession sessions) {
        this.sessions = sessions;
    }

    /** Runs {@code page} for the signed-in user, passing on the session's refreshed cookie; otherwise to sign-in. */
    public Uni<Response> view(BrowserCredentials browser, Function<SignedInUser, Uni<Response>> page) {
        return sessions.check(browser).flatMap(checked -> {
            if (checked.user() == null) {
                // Only a session the platform refused sends to sign-in; a busy or unreachable platform is
                // said as such, or a fast-clicking admin would seem signed out.
                return Uni.createFrom()
                        .item(Pages.notNow(checked.answer()).orElseGet(() -> Pages.seeOther("/console/sign-in")));
            }
            return page.apply(checked.user()).map(response -> {
                Response.ResponseBuilder builder = Response.fromResponse(response);
                Pages.withCookies(builder, checked.answer());
                return builder.build();
            });
        });
    }

    /** As {@link #view}, for a form's POST: refused with 403 unless the form's token is the CSRF cookie's. */
    public Uni<Response> change(
            String formCsrf, BrowserCredentials browser, Function<SignedInUser, Uni<Response>> action) {
        if (!FormTokens.matches(formCsrf, browser.csrf())) {
            return Uni.createFrom().item(Pages.forbidden());
        }
        return view(browser, action);
    }
}
