package io.atc.edge.sites;

import java.util.List;
import java.util.UUID;

/** One page of sites in id order; pass {@code next} as {@code after} to read the following page. */
public record SitePage(List<Site> items, UUID next) {
}
