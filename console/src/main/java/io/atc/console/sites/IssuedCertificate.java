package io.atc.console.sites;

import java.util.List;

import io.quarkus.qute.TemplateData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A certificate the API just issued, as pages show it: its chain is public and shown in full; the
 * private key the platform may have generated is not here (it goes only into the display-once dialog).
 */
@TemplateData
public record IssuedCertificate(
        String serial,
        String subject,
        String fingerprint,
        String notBefore,
        String notAfter,
        String certificateChain,
        List<String> revokedSerials) {

    static IssuedCertificate from(JsonObject issued) {
        JsonArray revoked = issued.getJsonArray("revokedSerials");
        return new IssuedCertificate(
                issued.getString("serial"),
                issued.getString("subject"),
                issued.getString("fingerprint"),
                issued.getString("notBefore"),
                issued.getString("notAfter"),
                issued.getString("certificateChain"),
                revoked == null
                        ? List.of()
                        : revoked.stream().map(String::valueOf).toList());
    }
}
