package org.bridgeway.web.directory;

import java.util.Map;

import org.springframework.stereotype.Component;

/** The words beside each search filter. */
@Component("filterNames")
class FilterNames {

    private static final Map<String, String> NAMES = Map.of("category", "Need", "capacity", "Taking referrals",
            "deliveryMode", "How it is delivered", "priorityGroup", "Who it is for", "language", "Language");

    public String get(String filter) {
        return NAMES.getOrDefault(filter, filter);
    }
}
