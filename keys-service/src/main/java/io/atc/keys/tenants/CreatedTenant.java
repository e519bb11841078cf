package io.atc.keys.tenants;

import java.util.UUID;

import io.atc.keys.apikeys.IssuedApiKey;

/** A new tenant, its first admin key (whose raw value appears here once) and its device transport policy. */
public record CreatedTenant(UUID tenantId, String name, IssuedApiKey adminKey, String deviceTransport) {}
