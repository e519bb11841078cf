package io.atc.edge.history;

import java.util.Locale;
import java.util.Set;

/**
 * The content type an image is served with. A device states its image's type, and a device is not
 * trusted with a tenant's browser: only raster types a browser renders without running anything
 * are served as stated; anything else (an SVG, HTML, an unknown type) is served as
 * application/octet-stream and as an attachment, so it is downloaded, never rendered in the
 * platform's origin.
 */
record ServedContentType(String mediaType, boolean attachment) {

    static final String OPAQUE = "application/octet-stream";
    static final Set<String> RENDERED = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/avif");

    static ServedContentType of(String stated) {
        String essence = stated.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return RENDERED.contains(essence) ? new ServedContentType(essence, false) : new ServedContentType(OPAQUE, true);
    }
}
