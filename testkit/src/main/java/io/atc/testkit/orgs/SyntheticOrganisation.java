package io.atc.testkit.orgs;

import java.util.List;
import java.util.UUID;

/** A tenant made up for isolation tests, with the sites it owns. */
public record SyntheticOrganisation(UUID tenantId, String name, List<UUID> siteIds) {}
