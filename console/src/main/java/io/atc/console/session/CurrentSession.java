package io.atc.console.session;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayAnswer;
import io.atc.console.gateway.GatewayClient;
import io.smallrye.mutiny.Uni;

/**
 * Who is signed in, asked of the gateway's session endpoint on every page (never remembered by the
 * console): an ended session is refused at once, and the answer's cookie restarts the idle clock.
 */
@ApplicationScoped
public class CurrentSession {

    private final GatewayClient gateway;

    public CurrentSession(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The user and the gateway's answer (its cookies go back to the browser), or no user when not signed in. */
    public Uni<Checked> check(BrowserCredentials browser) {
        if (!browser.signedIn()) {
            return Uni.createFrom().item(new Checked(null, null));
        }
        return gateway.get("/v1/console/session", browser)
                .map(answer -> new Checked(answer.ok() ? SignedInUser.from(answer.json()) : null, answer));
    }

    public record Checked(SignedInUser user, GatewayAnswer answer) {}
}
