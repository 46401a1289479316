package org.bridgeway.referral.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
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
 */
final class ReferralFacts {

    static final int ACCEPTED = 1, DECLINED = 2, EXPIRED = 4, CANCELLED = 8, COMPLETED = 16, OVERDUE_NOW = 32;

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
    private final RowIndex rowOf = new RowIndex();
    int size;
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
    /** Minutes from submission to the first accept or decline, -1 before there is one. */
    int[] firstResponseMinutes = new int[1024];
    int[] completionMinutes = new int[1024];

    /** Applies a poll's worth of events under one write lock. */
    void applyAll(Iterable<Event> events) {
        lock.writeLock().lock();
        try {
            events.forEach(this::apply);
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

    /** A month as {@link #month} counts it, written 2026-11. */
    static String monthName(int month) {
        return YearMonth.of(month / 12, month % 12 + 1).toString();
    }

    static int monthOf(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
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
                completionMinutes[row] = minutes;
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
        if (firstResponseMinutes[row] < 0) {
            firstResponseMinutes[row] = minutes;
        }
    }

    private int append(Event e) {
        if (size == submittedAt.length) {
            grow(size * 2);
        }
        int row = size++;
        submittedAt[row] = e.occurredAt().toEpochMilli();
        month[row] = monthOf(YearMonth.from(e.occurredAt().atZone(ReportFilter.LONDON)));
        category[row] = categories.code(e.category());
        area[row] = areas.code(e.area());
        organisation[row] = organisations.code(e.organisationId());
        service[row] = services.code(e.serviceId());
        referrerOrganisation[row] = organisations.code(e.referrerOrganisationId());
        urgent[row] = "URGENT".equals(e.urgency());
        stages[row] = 0;
        declineReason[row] = Dictionary.NONE;
        outcome[row] = Dictionary.NONE;
        firstResponseMinutes[row] = -1;
        completionMinutes[row] = -1;
        return row;
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
        firstResponseMinutes = Arrays.copyOf(firstResponseMinutes, capacity);
        completionMinutes = Arrays.copyOf(completionMinutes, capacity);
    }
}
