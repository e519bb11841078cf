package io.atc.keys.tenants;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.atc.keys.apikeys.IssuedApiKey;

/** A new tenant, its first admin key (whose raw value appears here once) and its device transport policy. */
@Schema(example = TenantExamples.CREATED)
public record CreatedTenant(
        UUID tenantId,
        String name,

        @Schema(description = "the tenant's first key, holding admin; its raw value shown in this response only")
        IssuedApiKey adminKey,

        @Schema(enumeration = {"password-or-certificate", "certificate-only"})
        String deviceTransport) {}
