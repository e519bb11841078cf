package io.atc.console.retention;

import java.util.Map;

/** The one-line outcomes a redirect after an action names with {@code ?done=}. */
final class Notice {

    static final String NO_SITE = "No such site in this tenant.";

    private static final Map<String, String> TEXTS = Map.of(
            "defaults-saved",
                    "The default retention is saved: every site without its own value follows from its next purge.",
            "saved", "This site's retention is saved: it takes effect at the site's next purge.",
            "held", "The legal hold is placed: nothing it covers is deleted while it is active.",
            "released", "The legal hold is released: the purge may now delete what it kept.",
            "already-released", "That hold was already released: nothing changed.",
            "no-hold", "No such hold in this tenant.",
            "no-run", "No such run in this tenant.");

    private Notice() {}

    static String of(String done) {
        return done == null ? null : TEXTS.get(done);
    }
}
