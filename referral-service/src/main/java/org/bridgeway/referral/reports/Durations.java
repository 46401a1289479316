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

    /** A counter per bucket; null when there is nothing to count, or once {@link #compact}. */
    private int[] counts;
    /** Once compact: the buckets with a count, and their counts. */
    private short[] buckets;
    private int[] bucketCounts;
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

    /** Adds the other's durations, compact or not, to these (which must not be compact). */
    void plus(Durations other) {
        if (other.count == 0) {
            return;
        }
        if (counts == null) {
            counts = new int[BUCKETS];
        }
        if (other.buckets != null) {
            for (int i = 0; i < other.buckets.length; i++) {
                counts[other.buckets[i]] += other.bucketCounts[i];
            }
        } else {
            for (int i = 0; i < BUCKETS; i++) {
                counts[i] += other.counts[i];
            }
        }
        count += other.count;
    }

    /**
     * Keeps only the buckets with a count, when that takes less room: a month of one listing's
     * referrals has a few dozen. Compact durations can only be added to others.
     */
    void compact() {
        if (counts == null) {
            return;
        }
        int used = 0;
        for (int c : counts) {
            used += c > 0 ? 1 : 0;
        }
        if (used * 2 > BUCKETS) {
            return;
        }
        buckets = new short[used];
        bucketCounts = new int[used];
        for (int bucket = 0, i = 0; bucket < BUCKETS; bucket++) {
            if (counts[bucket] > 0) {
                buckets[i] = (short) bucket;
                bucketCounts[i++] = counts[bucket];
            }
        }
        counts = null;
    }

    /** Roughly the heap these take. */
    int bytes() {
        return 40 + (counts != null ? 4 * BUCKETS : 0) + (buckets != null ? 6 * buckets.length : 0);
    }

    /**
     * The hour within which {@code percent} per cent took place (the bucket's upper edge), or null
     * with fewer than 5. Not for compact durations: add them to others first.
     */
    Integer hours(int percent) {
        if (buckets != null) {
            throw new IllegalStateException("compact durations are only added to others");
        }
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
