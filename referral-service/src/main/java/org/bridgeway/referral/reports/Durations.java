package org.bridgeway.referral.reports;

/**
 * How long something took, for medians and 90th percentiles: a count per hour up to 90 days (and
 * one for longer), so percentiles of a million durations cost a pass over 2,161 counters.
 */
final class Durations {

    private static final int HOURS = 24 * 90;

    private final long[] perHour = new long[HOURS + 1];
    private long count;

    void add(int minutes) {
        perHour[Math.min(minutes / 60, HOURS)]++;
        count++;
    }

    long count() {
        return count;
    }

    /** The hour within which {@code percent} per cent took place (the upper edge), or null with fewer than 5. */
    Integer hours(int percent) {
        if (count < 5) {
            return null;
        }
        long wanted = (long) Math.ceil(count * percent / 100.0);
        long seen = 0;
        for (int hour = 0; hour <= HOURS; hour++) {
            seen += perHour[hour];
            if (seen >= wanted) {
                return hour + 1;
            }
        }
        return HOURS + 1;
    }
}
