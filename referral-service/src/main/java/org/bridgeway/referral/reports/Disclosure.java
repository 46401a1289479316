package org.bridgeway.referral.reports;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Statistical disclosure control, as NHS and council reports apply it: a count from 1 to 4 is
 * shown as "<5" (primary suppression). Where the parts of a shown total would let one such
 * count be worked out (it is the only one hidden), the next smallest part is hidden too and
 * shown as "*" (secondary suppression). A percentage of a hidden count is hidden with it.
 */
final class Disclosure {

    static final String SMALL = "<5";
    static final String HIDDEN_WITH_ANOTHER = "*";

    /** A count as published: the number, "<5", or "*" when hidden so that a smaller one cannot be worked out. */
    record Count(long value, boolean hidden) {

        @JsonValue
        Object shown() {
            return !hidden ? value : small(value) ? SMALL : HIDDEN_WITH_ANOTHER;
        }

        @Override
        public String toString() {
            return String.valueOf(shown());
        }
    }

    private Disclosure() {
    }

    static boolean small(long count) {
        return count > 0 && count < 5;
    }

    /** One count on its own: primary suppression only. */
    static Count count(long value) {
        return new Count(value, small(value));
    }

    /** The parts of a total, protected together: primary, then secondary suppression. */
    static List<Count> parts(long[] values) {
        boolean[] hidden = new boolean[values.length];
        int hiddenCount = 0;
        for (int i = 0; i < values.length; i++) {
            hidden[i] = small(values[i]);
            hiddenCount += hidden[i] ? 1 : 0;
        }
        if (hiddenCount == 1) {
            int next = -1;
            for (int i = 0; i < values.length; i++) {
                if (!hidden[i] && values[i] > 0 && (next < 0 || values[i] < values[next])) {
                    next = i;
                }
            }
            if (next >= 0) {
                hidden[next] = true;
            }
        }
        List<Count> counts = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            counts.add(new Count(values[i], hidden[i]));
        }
        return counts;
    }

    /** The part's share of the total in per cent (one decimal), or null when either is hidden or the total is nothing. */
    static Double percentage(Count part, Count total) {
        if (part.hidden() || total.hidden() || total.value() == 0) {
            return null;
        }
        return Math.round(part.value() * 1000.0 / total.value()) / 10.0;
    }
}
