package io.atc.edge.devices;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to register a device. */
@Schema(description = "A device to register")
public record DeviceDraft(
        @Schema(
                description = "1 to 200 characters, not only spaces; leading and trailing spaces are dropped",
                example = "Gate camera 1")
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String name) {}
