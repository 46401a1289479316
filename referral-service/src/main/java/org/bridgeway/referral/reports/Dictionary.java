package org.bridgeway.referral.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Strings (categories, areas, organisation and service ids) as small numbers, so a million facts fit in plain arrays. */
final class Dictionary {

    static final int NONE = -1;

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int code(String value) {
        if (value == null) {
            return NONE;
        }
        return codes.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /** The code of a value already seen, or NONE. */
    int existing(String value) {
        return value == null ? NONE : codes.getOrDefault(value, NONE);
    }

    String value(int code) {
        return code == NONE ? null : values.get(code);
    }

    int size() {
        return values.size();
    }
}
