package org.bridgeway.referral.reports;

/**
 * How long something took, for medians and 90th percentiles: a count per hour for the first two
 * weeks, then per day up to 90 days (and one for longer). Percentiles of a million durations cost
 * a pass over 413 counters, and a group with nothing to count holds none.
 */
final class Durations {

    private static final int HOURLY = 24 * 14;
    private static final int DAILY = 90 - 14;
    private static final int BUCKETS = HOURLY + DAILY + 1;

    private int[] counts;
    private long count;

    /** The counter a duration falls in: what {@link ReferralFacts} keeps of each referral's durations. */
    static int bucketOf(int minutes) {
        int hours = minutes / 60;
        return hours < HOURLY ? hours : Math.min(HOURLY + (hours - HOURLY) / 24, BUCKETS - 1);
    }

    void add(int bucket) {
        if (counts == null) {
            counts = new int[BUCKETS];
        }
        counts[bucket]++;
        count++;
    }

    void plus(Durations other) {
        if (other.counts == null) {
            return;
        }
        if (counts == null) {
            counts = new int[BUCKETS];
        }
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
    }

    /** The hour within which {@code percent} per cent took place (the bucket's upper edge), or null with fewer than 5. */
    Integer hours(int percent) {
        if (count < 5) {
            return null;
        }
        long wanted = (long) Math.ceil(count * percent / 100.0);
        int i = 0;
        long seen = counts[0];
        while (seen < wanted) { // the counts add up to count, so this stops at the last bucket at the latest
            seen += counts[++i];
        }
        return i < HOURLY ? i + 1 : HOURLY + (i - HOURLY + 1) * 24;
    }
}
