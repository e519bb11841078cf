package io.atc.console.web;

import io.quarkus.qute.TemplateData;

/**
 * A secret the API just issued (a key, a rotated key, a device's MQTT password or generated private key),
 * for the display-once dialog ({@code secretDialog.html}). It lives only in the one answer that renders
 * it; after the user acknowledges, console.js removes it and replaces the page with {@code returnTo}.
 *
 * @param heading the dialog's title, e.g. "Key created: CI deploys"
 * @param label what the secret is, e.g. "Secret of atc_live_…"
 * @param secret the secret itself
 * @param returnTo a console path to show after acknowledging (never carries the secret)
 */
@TemplateData
public record DisplayOnce(String heading, String label, String secret, String returnTo) {

    public DisplayOnce {
        if (!returnTo.startsWith("/console/")) {
            throw new IllegalArgumentException("a display-once dialog returns within the console");
        }
    }

    /** Whether the secret spans lines (a PEM key), to show it as a block. */
    public boolean multiline() {
        return secret != null && secret.contains("\n");
    }

    @Override
    public String toString() {
        return "DisplayOnce[" + label + "]";
    }
}
