package io.atc.edge.devices;

import java.util.List;
import java.util.UUID;

/** One page of a site's devices in id order; pass {@code next} as {@code after} to read the following page. */
public record DevicePage(List<Device> items, UUID next) {
}
