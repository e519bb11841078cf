package io.atc.edge.broker;

import java.util.Optional;

import io.vertx.core.json.JsonObject;

/** The broker's answer to one dynamic-security command: an error text, or data (empty for most commands). */
public record DynsecResponse(String command, Optional<String> error, JsonObject data) {

    public boolean ok() {
        return error.isEmpty();
    }
}
