package org.bridgeway.referral.referral;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Counts working days in England and Wales: no weekends, no bank holidays. "Reply within three
 * working days" of a referral sent on Friday afternoon means by Wednesday afternoon.
 */
public record WorkingDays(Set<LocalDate> bankHolidays, ZoneId zone) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public Instant plus(Instant start, int days) {
        ZonedDateTime at = start.atZone(zone);
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                left--;
            }
        }
        return at.toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }
}
