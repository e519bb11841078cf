package io.atc.edge.pki;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.edge.broker.DynsecCommands;
import io.atc.edge.broker.DynsecResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The dynsec client a certified device logs in as on the mTLS listener: named by the certificate's
 * subject ({@code use_subject_as_username}), without a password (so nobody can log in as it on the
 * password listener), holding the same roles as the device's password client. A subject nobody
 * provisioned has no client and Mosquitto's dynsec denies it everything.
 * <p>
 * Dynsec's disableClient does not stop a certificate login (Mosquitto skips the password check that
 * looks at the flag), so locking a certified device out means deleting this client.
 */
@ApplicationScoped
public class CertificateClients {

    private static final String NOT_FOUND = "Client not found";
    private static final String ALREADY_EXISTS = "Client already exists";

    private final DynsecCommands dynsec;

    public CertificateClients(DynsecCommands dynsec) {
        this.dynsec = dynsec;
    }

    /** Creates (or brings up to date) the subject's client with the roles of the device's password client. */
    public Uni<Void> grant(String subject, String passwordClient) {
        return dynsec.execute(new JsonObject().put("command", "getClient").put("username", passwordClient))
                .map(found -> rolesOf(found, passwordClient))
                .flatMap(roles -> dynsec.execute(new JsonObject().put("command", "createClient")
                                .put("username", subject).put("roles", roles))
                        .flatMap(created -> ALREADY_EXISTS.equals(created.error().orElse(null))
                                ? dynsec.execute(new JsonObject().put("command", "modifyClient")
                                        .put("username", subject).put("roles", roles))
                                : Uni.createFrom().item(created)))
                .map(CertificateClients::requireOk);
    }

    /** Drops every connection logged in as the subject; the client itself stays. */
    public Uni<Void> disconnect(String subject) {
        return dynsec.execute(new JsonObject().put("command", "disableClient").put("username", subject))
                .flatMap(disabled -> dynsec.execute(new JsonObject().put("command", "enableClient").put("username", subject)))
                .map(CertificateClients::requireOk);
    }

    /** Deletes the subject's client (which also drops its connections); absent is fine. */
    public Uni<Void> remove(String subject) {
        return dynsec.execute(new JsonObject().put("command", "deleteClient").put("username", subject))
                .map(deleted -> NOT_FOUND.equals(deleted.error().orElse(null)) ? null : requireOk(deleted));
    }

    private static JsonArray rolesOf(DynsecResponse found, String passwordClient) {
        if (NOT_FOUND.equals(found.error().orElse(null))) {
            throw new ProblemException(ProblemType.CONFLICT, "The device has no broker identity yet (no dynsec client "
                    + passwordClient + "); register it before issuing a certificate.");
        }
        requireOk(found);
        JsonArray roles = new JsonArray();
        JsonArray held = found.data().getJsonObject("client", new JsonObject()).getJsonArray("roles", new JsonArray());
        for (int i = 0; i < held.size(); i++) {
            JsonObject role = held.getJsonObject(i);
            JsonObject copy = new JsonObject().put("rolename", role.getString("rolename"));
            if (role.containsKey("priority")) {
                copy.put("priority", role.getValue("priority"));
            }
            roles.add(copy);
        }
        return roles;
    }

    private static Void requireOk(DynsecResponse response) {
        if (!response.ok()) {
            throw new ProblemException(ProblemType.BAD_GATEWAY, "The MQTT broker refused " + response.command() + ": "
                    + response.error().orElseThrow());
        }
        return null;
    }
}
