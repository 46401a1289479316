package org.bridgeway.referral.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * What reports need to know of every referral, one row each in plain arrays: when it was
 * submitted, its need category, the resident's area, who sent it and who received it, its
 * urgency, which stages it reached, why it was declined or how it ended, and how long the first
 * response and the completion took. Nothing about the resident but the area; no free text.
 * Fed only by referral events, in order per referral: an event whose sequence is not newer than
 * the row's is a duplicate and changes nothing. One writer (the projection), many readers.
 *
 * <p>Rows are kept in order of submission, so a report over a period reads only that period's
 * rows: the first {@link #sorted} rows are in that order, later ones are appended as they come
 * and sorted in once there are many of them. Live referrals arrive in order and extend the
 * sorted part as they come; a replay of several partitions, or generated history, does not.
 */
final class ReferralFacts {

    /** Unsorted rows every report may read in full, sorted in at the next pause: a fraction of a millisecond's scan. */
    private static final int UNSORTED_AT_MOST = 16_384;
    private static final long MINUTE = 60_000;
    private static final long SORT_AT_LEAST_EVERY_NANOS = 30_000_000_000L;

    static final int ACCEPTED = 1, DECLINED = 2, EXPIRED = 4, CANCELLED = 8, COMPLETED = 16, OVERDUE_NOW = 32;
    static final int ALL_STAGES = ACCEPTED | DECLINED | EXPIRED | CANCELLED | COMPLETED | OVERDUE_NOW;

    /** The facts of one event, as read from referral.events.v1. */
    record Event(String change, String referralId, long sequence, String category, String area, String organisationId,
                 String serviceId, String referrerOrganisationId, String urgency, String reasonCode, String outcome, Instant occurredAt) {
    }

    final Dictionary categories = new Dictionary();
    final Dictionary areas = new Dictionary();
    final Dictionary organisations = new Dictionary();
    final Dictionary services = new Dictionary();
    final Dictionary reasons = new Dictionary();
    final Dictionary outcomes = new Dictionary();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Per month (as {@link #month} counts it), the number of the last change to a referral submitted in it. */
    private final Map<Integer, Long> lastChangeIn = new HashMap<>();
    private long changes;
    private final RowIndex rowOf = new RowIndex();
    final Postings byOrganisation = new Postings();
    final Postings byService = new Postings();
    final Postings byReferrerOrganisation = new Postings();
    int size;
    /** Rows 0 to sorted - 1 are in order of submission (to the minute, the finest a report's period needs). */
    int sorted;
    private long sortedAt = System.nanoTime();
    long[] submittedAt = new long[1024];
    long[] sequence = new long[1024];
    /** The month submitted in, London time, as year * 12 + month - 1. */
    int[] month = new int[1024];
    int[] category = new int[1024];
    int[] area = new int[1024];
    int[] organisation = new int[1024];
    int[] service = new int[1024];
    int[] referrerOrganisation = new int[1024];
    boolean[] urgent = new boolean[1024];
    int[] stages = new int[1024];
    int[] declineReason = new int[1024];
    int[] outcome = new int[1024];
    /** The time from submission to the first accept or decline, as a {@link Durations#bucketOf} bucket; -1 before there is one. */
    int[] firstResponse = new int[1024];
    /** The time from submission to completion, as a bucket; -1 before there is one. */
    int[] completion = new int[1024];

    /**
     * Applies a poll's worth of events under one write lock. Unsorted rows are sorted in once
     * they are many and the events pause (an empty poll), grow past a quarter of the sorted ones,
     * or have waited half a minute: a replay sorts a few times rather than at every poll, and a
     * platform too busy to pause still sorts its tail.
     */
    void applyAll(List<Event> events) {
        if (events.isEmpty() && size - sorted <= UNSORTED_AT_MOST) {
            return; // asking for the write lock would hold up every report until those running end
        }
        lock.writeLock().lock();
        try {
            events.forEach(this::apply);
            int unsorted = size - sorted;
            if (unsorted > UNSORTED_AT_MOST
                    && (events.isEmpty() || unsorted > sorted / 4 || System.nanoTime() - sortedAt > SORT_AT_LEAST_EVERY_NANOS)) {
                sortBySubmission();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads a consistent view: no event is applied while {@code reading} runs. */
    <T> T read(Function<ReferralFacts, T> reading) {
        lock.readLock().lock();
        try {
            return reading.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The number of the last change to a referral submitted in {@code month}, 0 if none ever was: a
     * result computed from that month's rows holds while this stays the same. Sorting changes no month.
     */
    long lastChangeIn(int month) {
        return lastChangeIn.getOrDefault(month, 0L);
    }

    /** A month as {@link #month} counts it, written 2026-11. */
    static String monthName(int month) {
        return YearMonth.of(month / 12, month % 12 + 1).toString();
    }

    static int monthOf(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /** The month, London time, an instant falls in. */
    static int monthAt(long millis) {
        return monthOf(YearMonth.from(Instant.ofEpochMilli(millis).atZone(ReportFilter.LONDON)));
    }

    /** The instant a month begins, London time. */
    static long startOf(int month) {
        return YearMonth.of(month / 12, month % 12 + 1).atDay(1).atStartOfDay(ReportFilter.LONDON).toInstant().toEpochMilli();
    }

    private void apply(Event e) {
        UUID id;
        try {
            id = UUID.fromString(e.referralId());
        } catch (IllegalArgumentException notAUuid) {
            return; // the contract says uuid; nothing else can be counted
        }
        int row = rowOf.get(id);
        if (row < 0) {
            if (!"submitted".equals(e.change())) {
                return; // its submission is not in the history read so far
            }
            row = append(e);
            rowOf.put(id, row);
        } else if (e.sequence() <= sequence[row]) {
            return; // a duplicate, or older than what the row has seen
        }
        sequence[row] = e.sequence();
        lastChangeIn.put(month[row], ++changes);
        int minutes = (int) Math.max(0, Duration.between(Instant.ofEpochMilli(submittedAt[row]), e.occurredAt()).toMinutes());
        switch (e.change()) {
            case "accepted" -> respond(row, ACCEPTED, minutes);
            case "declined" -> {
                respond(row, DECLINED, minutes);
                declineReason[row] = reasons.code(e.reasonCode());
            }
            case "completed" -> {
                stages[row] |= COMPLETED;
                outcome[row] = outcomes.code(e.outcome());
                completion[row] = Durations.bucketOf(minutes);
            }
            case "cancelled" -> stages[row] = (stages[row] | CANCELLED) & ~OVERDUE_NOW;
            case "expired" -> stages[row] = (stages[row] | EXPIRED) & ~OVERDUE_NOW;
            case "overdue" -> stages[row] |= OVERDUE_NOW;
            default -> {
                // submitted (set by append), started, put-on-hold, resumed, message-posted: no report counts them
            }
        }
    }

    private void respond(int row, int stage, int minutes) {
        stages[row] = (stages[row] | stage) & ~OVERDUE_NOW;
        if (firstResponse[row] < 0) {
            firstResponse[row] = Durations.bucketOf(minutes);
        }
    }

    private int append(Event e) {
        if (size == submittedAt.length) {
            grow(size * 2);
        }
        int row = size++;
        submittedAt[row] = e.occurredAt().toEpochMilli();
        month[row] = monthAt(submittedAt[row]);
        category[row] = categories.code(e.category());
        area[row] = areas.code(e.area());
        organisation[row] = organisations.code(e.organisationId());
        service[row] = services.code(e.serviceId());
        referrerOrganisation[row] = organisations.code(e.referrerOrganisationId());
        urgent[row] = "URGENT".equals(e.urgency());
        stages[row] = 0;
        declineReason[row] = Dictionary.NONE;
        outcome[row] = Dictionary.NONE;
        firstResponse[row] = -1;
        completion[row] = -1;
        post(row);
        if (sorted == row && (row == 0 || minuteOf(row) >= minuteOf(row - 1))) {
            sorted++;
        }
        return row;
    }

    private long minuteOf(int row) {
        return Math.floorDiv(submittedAt[row], MINUTE);
    }

    /** The first sorted row submitted at or after {@code millis} (to the minute), or {@link #sorted} if none. */
    int firstSortedFrom(long millis) {
        long minute = Math.floorDiv(millis, MINUTE);
        int low = 0, high = sorted;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (minuteOf(middle) < minute) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Puts every row in order of submission, and renumbers the index and the postings to match. */
    private void sortBySubmission() {
        long first = Long.MAX_VALUE;
        for (int row = 0; row < size; row++) {
            first = Math.min(first, minuteOf(row));
        }
        long[] keys = new long[size];
        for (int row = 0; row < size; row++) {
            // The minute (from the first, so it fits the upper 31 bits; an absurd date ties at the end), then the row: ties keep their order.
            keys[row] = Math.min(minuteOf(row) - first, Integer.MAX_VALUE) << 32 | row;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        int[] newRowOf = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
            newRowOf[order[i]] = i;
        }
        submittedAt = arranged(submittedAt, order);
        sequence = arranged(sequence, order);
        month = arranged(month, order);
        category = arranged(category, order);
        area = arranged(area, order);
        organisation = arranged(organisation, order);
        service = arranged(service, order);
        referrerOrganisation = arranged(referrerOrganisation, order);
        stages = arranged(stages, order);
        declineReason = arranged(declineReason, order);
        outcome = arranged(outcome, order);
        firstResponse = arranged(firstResponse, order);
        completion = arranged(completion, order);
        boolean[] urgentSorted = Arrays.copyOf(urgent, urgent.length);
        for (int i = 0; i < size; i++) {
            urgentSorted[i] = urgent[order[i]];
        }
        urgent = urgentSorted;
        rowOf.renumber(newRowOf);
        byOrganisation.clear();
        byService.clear();
        byReferrerOrganisation.clear();
        for (int row = 0; row < size; row++) {
            post(row);
        }
        sorted = size;
        sortedAt = System.nanoTime();
    }

    private void post(int row) {
        byOrganisation.add(organisation[row], row);
        byService.add(service[row], row);
        byReferrerOrganisation.add(referrerOrganisation[row], row);
    }

    private long[] arranged(long[] column, int[] order) {
        long[] result = Arrays.copyOf(column, column.length);
        for (int i = 0; i < size; i++) {
            result[i] = column[order[i]];
        }
        return result;
    }

    private int[] arranged(int[] column, int[] order) {
        int[] result = Arrays.copyOf(column, column.length);
        for (int i = 0; i < size; i++) {
            result[i] = column[order[i]];
        }
        return result;
    }

    private void grow(int capacity) {
        submittedAt = Arrays.copyOf(submittedAt, capacity);
        sequence = Arrays.copyOf(sequence, capacity);
        month = Arrays.copyOf(month, capacity);
        category = Arrays.copyOf(category, capacity);
        area = Arrays.copyOf(area, capacity);
        organisation = Arrays.copyOf(organisation, capacity);
        service = Arrays.copyOf(service, capacity);
        referrerOrganisation = Arrays.copyOf(referrerOrganisation, capacity);
        urgent = Arrays.copyOf(urgent, capacity);
        stages = Arrays.copyOf(stages, capacity);
        declineReason = Arrays.copyOf(declineReason, capacity);
        outcome = Arrays.copyOf(outcome, capacity);
        firstResponse = Arrays.copyOf(firstResponse, capacity);
        completion = Arrays.copyOf(completion, capacity);
    }
}
