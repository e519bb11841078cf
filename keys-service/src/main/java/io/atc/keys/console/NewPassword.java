package io.atc.keys.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A console user's new password, under the same rules as at creation; never stored, logged or audited. */
@Schema(example = ConsoleExamples.NEW_PASSWORD)
public record NewPassword(
        @NotBlank(message = "must not be blank") @Size(min = 12, max = 128, message = "must be 12 to 128 characters")
        String password) {

    @Override
    public String toString() {
        return "NewPassword[…]";
    }
}
