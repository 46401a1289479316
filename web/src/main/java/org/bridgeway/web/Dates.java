package org.bridgeway.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Dates and times as GOV.UK writes them ("23 November 2026 at 2:51pm"), in UK time. */
@Component("dates")
public class Dates {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /** An API date ({@code 1988-04-02}) or instant as a day. */
    public String day(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.length() == 10 ? LocalDate.parse(text).format(DAY) : Instant.parse(text).atZone(UK).format(DAY);
    }

    /** An API instant as day and time. */
    public String time(Object value) {
        if (value == null) {
            return "";
        }
        var at = Instant.parse(value.toString()).atZone(UK);
        return at.format(DAY) + " at " + at.format(TIME).toLowerCase(Locale.UK);
    }
}
