package io.atc.edge.broker;

import java.util.Set;

import io.vertx.core.json.JsonObject;

/**
 * The plugin's answer to one command: {@code error} is null on success, else its message, e.g.
 * "Client not found" (the strings Mosquitto 2.0 sends; the ones we act on are constants here).
 */
public record DynsecResponse(String command, String error, JsonObject data) {

    public static final String CLIENT_NOT_FOUND = "Client not found";
    public static final String ROLE_NOT_FOUND = "Role not found";
    public static final String CLIENT_EXISTS = "Client already exists";
    public static final String ROLE_EXISTS = "Role already exists";

    public boolean ok() {
        return error == null;
    }

    public boolean failedWith(String message) {
        return message.equals(error);
    }

    /** Succeeds, or failed with one of the {@code tolerated} errors; otherwise throws. */
    public DynsecResponse requireOk(Set<String> tolerated) {
        if (error != null && !tolerated.contains(error)) {
            throw new BrokerRefusedCommandException(command, error);
        }
        return this;
    }

    public DynsecResponse requireOk() {
        return requireOk(Set.of());
    }

    static DynsecResponse from(JsonObject response) {
        JsonObject data = response.getJsonObject("data");
        return new DynsecResponse(
                response.getString("command"), response.getString("error"), data == null ? new JsonObject() : data);
    }
}
