package io.atc.console.sites;

import io.atc.console.gateway.BrowserCredentials;
import io.atc.console.gateway.GatewayClient;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * How the tenant's devices log in at the broker (one policy for the whole tenant, set by an admin):
 * with a password or a certificate, or with a certificate only, when devices have no password to reset.
 */
@TemplateData
public record TransportPolicy(String policy, boolean passwordLogin) {

    /** When the policy cannot be read (no devices:read, say), pages offer what the API may still allow. */
    static final TransportPolicy UNKNOWN = new TransportPolicy("unknown", true);

    static Uni<TransportPolicy> of(GatewayClient gateway, BrowserCredentials browser) {
        return gateway.get("/v1/devices/transport-policy", browser).map(answer -> {
            if (!answer.ok()) {
                return UNKNOWN;
            }
            JsonObject view = answer.json();
            return new TransportPolicy(view.getString("policy", "unknown"), view.getBoolean("passwordLogin", true));
        });
    }

    public String label() {
        return switch (policy) {
            case "certificate-only" -> "certificate only (mTLS): devices have no password";
            case "password-or-certificate" -> "MQTT password or certificate (mTLS)";
            default -> "not readable with your scopes";
        };
    }
}
