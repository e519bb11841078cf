package io.atc.keys.tenants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"name": "Harbour Logistics", "adminKeyName": "Onboarding admin key"}""")
public record TenantDraft(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @Size(max = 200, message = "must be at most 200 characters")
        String adminKeyName) {}
