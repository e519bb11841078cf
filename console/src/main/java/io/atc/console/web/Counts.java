package io.atc.console.web;

import io.quarkus.qute.TemplateExtension;

/** Counts as pages say them: {@code {settings.events.days.dayCount}} reads "1 day" or "14 days". */
@TemplateExtension
public final class Counts {

    private Counts() {}

    public static String dayCount(Integer days) {
        if (days == null) {
            return "";
        }
        return days == 1 ? "1 day" : days + " days";
    }
}
