package io.atc.console.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Dates typed into forms (an {@code <input type=date>}), as the instants the API takes. */
public final class Dates {

    private Dates() {}

    /**
     * The end of that day in UTC (the next day's first instant), so "expires on the 5th" still works on
     * the 5th; text that is not a date is passed on as typed, for the API to name what is wrong with it.
     */
    public static String endOfDayUtc(String date) {
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .toString();
        } catch (DateTimeParseException notADate) {
            return date;
        }
    }
}
