package io.atc.edge.devices;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial change: a new name, and/or {@code enabled}. Disabling disconnects the device at once
 * and refuses its logins until it is enabled again.
 */
public record DevicePatch(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String name,

        Boolean enabled) {

    boolean changesNothing() {
        return name == null && enabled == null;
    }
}
