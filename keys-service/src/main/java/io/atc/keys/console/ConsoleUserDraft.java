package io.atc.keys.console;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A console user to create in the caller's tenant, with the scopes the user will hold (never more
 * than the caller's own). The password is hashed with argon2id and never stored, logged or audited.
 */
@Schema(example = ConsoleExamples.USER_DRAFT)
public record ConsoleUserDraft(
        @NotBlank(message = "must not be blank")
        @Email(message = "must be an email address")
        @Size(max = 254, message = "must be at most 254 characters")
        String email,

        @NotBlank(message = "must not be blank") @Size(min = 12, max = 128, message = "must be 12 to 128 characters")
        String password,

        List<String> scopes) {

    @Override
    public String toString() {
        return "ConsoleUserDraft[" + email + ", " + scopes + "]";
    }
}
