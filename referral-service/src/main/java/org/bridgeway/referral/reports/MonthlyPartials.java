package org.bridgeway.referral.reports;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A report over a period is the sum of one partial result per month, or part of a month at either
 * end. Each partial is kept and used again until a referral submitted in its month changes
 * ({@link ReferralFacts#lastChangeIn}). A three-year report is then a few dozen additions instead
 * of a read of every referral in it: the per-segment result cache of column stores such as Apache
 * Druid. Whole months serve every period that spans them; a part month serves the periods that
 * begin or end on the same day, such as every report on the last twelve months today.
 */
final class MonthlyPartials {

    /** Years of partials for every report shape asked for, in a small part of the service's heap; the least used go first. */
    private static final long BUDGET_BYTES = 64L * 1024 * 1024;
    /** Roughly the heap a kept partial takes besides its counts: its key, shape and the cache's own entry. */
    private static final int ENTRY_BYTES = 200;
    /** A part month of a past day is not asked for again; nor, often, a filter someone tried once. */
    private static final Duration UNUSED_FOR = Duration.ofDays(1);

    /** What a partial depends on besides its month: the report, its grouping, and the filter but for its period. */
    record Shape(String report, Object grouping, ReportFilter filter) {

        Shape {
            filter = filter.withoutPeriod();
        }
    }

    private record Key(Shape shape, long from, long to) {
    }

    private record Kept(long change, Object partial, int bytes) {
    }

    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumWeight(BUDGET_BYTES).expireAfterAccess(UNUSED_FOR)
            .weigher((Key key, Kept value) -> ENTRY_BYTES + value.bytes()).build();

    /**
     * Gives {@code add} the partial of each month of the bound's period (or of the part of the
     * month in the period), first to last, with its month. A kept partial is shared: {@code add}
     * must not change it. Call under the facts' read lock, so no month changes while its partial is
     * computed.
     */
    @SuppressWarnings("unchecked")
    <P> void forEachMonth(ReferralFacts f, ReportFilter.Bound bound, Shape shape, Function<ReportFilter.Bound, P> scan,
                          ToIntFunction<P> bytes, ObjIntConsumer<P> add) {
        int last = ReferralFacts.monthAt(bound.toMillis() - 1);
        for (int month = ReferralFacts.monthAt(bound.fromMillis()); month <= last; month++) {
            long from = Math.max(ReferralFacts.startOf(month), bound.fromMillis());
            long to = Math.min(ReferralFacts.startOf(month + 1), bound.toMillis());
            long change = f.lastChangeIn(month);
            Key key = new Key(shape, from, to);
            Kept partial = kept.getIfPresent(key);
            if (partial == null || partial.change() != change) {
                P scanned = scan.apply(bound.during(from, to));
                partial = new Kept(change, scanned, bytes.applyAsInt(scanned));
                kept.put(key, partial);
            }
            add.accept((P) partial.partial(), month);
        }
    }

    /** Roughly the heap a partial of counts takes. */
    static int bytes(long[] counts) {
        return 16 + 8 * counts.length;
    }
}
