package io.atc.retention.erasure;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to erase: every stored event and image of one site or of one device (exactly one), and why. */
public record ErasureRequest(
        @Schema(description = "the site to erase (all its devices' data); give this or deviceId", nullable = true)
        UUID siteId,

        @Schema(description = "the device to erase; give this or siteId", nullable = true)
        UUID deviceId,

        @Schema(
                description = "why, for the audit trail (which never names what was erased)",
                examples = "Erasure request of the data subject, ticket PRIV-2231")
        @NotBlank(message = "must not be blank")
        @Size(max = 500, message = "must be at most 500 characters")
        String reason) {

    @Schema(hidden = true)
    @AssertTrue(message = "name exactly one of siteId and deviceId")
    public boolean isTargeted() {
        return (siteId == null) != (deviceId == null);
    }
}
