package io.atc.keys.tenants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TenantDraft(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 200, message = "must be at most 200 characters") String adminKeyName) {
}
