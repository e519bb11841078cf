package io.atc.console.sites;

import io.quarkus.qute.TemplateData;

/**
 * What a confirmation page asks before a destructive action: only its form (a POST with the CSRF token)
 * acts; Cancel goes back to where the user came from.
 *
 * @param heading the question, e.g. "Delete site "Rotterdam depot"?"
 * @param facts what is about to be changed, in one sentence
 * @param warning what the action does and whether it can be undone
 * @param action the console path the form posts to
 * @param button the confirming button's text
 * @param cancelTo the console path Cancel leads to
 */
@TemplateData
public record Confirmation(
        String heading, String facts, String warning, String action, String button, String cancelTo) {}
