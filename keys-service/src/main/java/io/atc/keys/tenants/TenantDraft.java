package io.atc.keys.tenants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = TenantExamples.DRAFT)
public record TenantDraft(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @Size(max = 200, message = "must be at most 200 characters")
        @Schema(description = "the name of the first admin key; \"First admin key\" when absent")
        String adminKeyName,

        @Pattern(
                regexp = DeviceTransportAtOnboarding.POLICIES,
                message = "must be password-or-certificate or certificate-only")
        @Schema(
                description = "How the tenant's devices may log in at the broker, as agreed at onboarding;"
                        + " password-or-certificate when absent (docs/edge.md, \"Transport policy per tenant\")",
                enumeration = {"password-or-certificate", "certificate-only"})
        String deviceTransport) {}
