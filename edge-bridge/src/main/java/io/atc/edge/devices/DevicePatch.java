package io.atc.edge.devices;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partial change: a new name, and/or {@code enabled}. Disabling disconnects the device at once
 * and refuses its logins until it is enabled again.
 */
@Schema(description = "A change to a device: name, enabled, or both; an absent field stays as it is")
public record DevicePatch(
        @Schema(description = "The new name: 1 to 200 characters, not only spaces", example = "Gate camera 1 (north)")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @Schema(description = "false disables the device and disconnects it at once; true enables it again")
        Boolean enabled) {

    boolean changesNothing() {
        return name == null && enabled == null;
    }
}
