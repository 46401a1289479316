package org.bridgeway.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Organisations' names by id, for pages that show an id's organisation (a listing, the reports).
 * Read once from the directory and kept for ten minutes; an id not yet known reads them again,
 * so a newly registered organisation shows at once.
 */
@Component("organisations")
public class Organisations {

    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Gateway gateway;
    private volatile Map<String, String> names = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    Organisations(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The organisation's name; its id when the directory does not know it. */
    public String name(Object id) {
        String key = String.valueOf(id);
        return names(!names.containsKey(key)).getOrDefault(key, key);
    }

    /** Every organisation's name by its id, in the order of their names: for a choice of organisation. */
    public Map<String, String> all() {
        Map<String, String> sorted = new LinkedHashMap<>();
        names(false).entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The names, read again when ten minutes old, or at once for an organisation not seen before. */
    private Map<String, String> names(boolean unknown) {
        if (unknown || Instant.now().isAfter(loadedAt.plus(KEEP))) {
            Map<String, String> loaded = new HashMap<>();
            gateway.list("/api/directory/organisations")
                    .forEach(organisation -> loaded.put(String.valueOf(organisation.get("id")), String.valueOf(organisation.get("name"))));
            names = loaded;
            loadedAt = Instant.now();
        }
        return names;
    }
}
