package io.atc.keys.console;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Console users belong to one tenant, so sign-in names it: the same e-mail address may exist in several. */
@Schema(example = ConsoleExamples.SIGN_IN)
public record SignInRequest(
        @NotNull(message = "must name the tenant") UUID tenant,

        @NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters")
        String email,

        @NotBlank(message = "must not be blank") @Size(max = 128, message = "must be at most 128 characters")
        String password) {

    @Override
    public String toString() {
        return "SignInRequest[" + tenant + ", " + email + "]";
    }
}
