package io.atc.core.identity;

import java.util.UUID;

/** Who is calling: their tenant and the actor name the audit trail records for them. */
public record Caller(UUID tenantId, String actor) {
}
