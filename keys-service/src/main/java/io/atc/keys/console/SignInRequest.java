package io.atc.keys.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"email": "ops@harbour.example", "password": "correct horse battery staple"}""")
public record SignInRequest(
        @NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "must not be blank") @Size(max = 128, message = "must be at most 128 characters") String password) {

    @Override
    public String toString() {
        return "SignInRequest[" + email + "]";
    }
}
