package io.atc.retention.erasure;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What to erase: every stored event and image of one site or of one device (exactly one), and why. */
public record ErasureRequest(
        UUID siteId,
        UUID deviceId,

        @NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters")
        String reason) {

    @AssertTrue(message = "name exactly one of siteId and deviceId")
    public boolean isTargeted() {
        return (siteId == null) != (deviceId == null);
    }
}
