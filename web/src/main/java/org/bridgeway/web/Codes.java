package org.bridgeway.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The directory's vocabularies (categories, areas, activities ...) for showing codes as words
 * and for filters. Read from the directory's taxonomy with the viewer's token and kept for ten
 * minutes: it is public reference data, the same for everyone.
 */
@Component("codes")
public class Codes {

    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Gateway gateway;
    private volatile Map<String, Object> taxonomy;
    private volatile Map<String, String> labels = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    Codes(Gateway gateway) {
        this.gateway = gateway;
    }

    /** A vocabulary's entries ({@code categories}, {@code areas}, ...), each a map with code and label (or name). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> of(String vocabulary) {
        return (List<Map<String, Object>>) taxonomy().getOrDefault(vocabulary, List.of());
    }

    /** The words for a code of any vocabulary; the code itself when unknown. */
    public String label(Object code) {
        if (code == null) {
            return "";
        }
        taxonomy();
        return labels.getOrDefault(String.valueOf(code), humanise(String.valueOf(code)));
    }

    /** {@code NO_LONGER_NEEDED} reads as "No longer needed". */
    public static String humanise(String code) {
        if (code == null) {
            return "";
        }
        String words = code.replace('_', ' ').replace('-', ' ').toLowerCase();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> taxonomy() {
        if (taxonomy == null || Instant.now().isAfter(loadedAt.plus(KEEP))) {
            Map<String, Object> loaded = gateway.get("/api/directory/taxonomy");
            Map<String, String> words = new HashMap<>();
            loaded.values().stream().filter(List.class::isInstance).forEach(list -> ((List<Object>) list).stream()
                    .filter(Map.class::isInstance).map(entry -> (Map<String, Object>) entry)
                    .filter(entry -> entry.get("code") != null)
                    .forEach(entry -> words.putIfAbsent(String.valueOf(entry.get("code")),
                            String.valueOf(entry.getOrDefault("label", entry.getOrDefault("name", entry.get("code")))))));
            labels = words;
            taxonomy = loaded;
            loadedAt = Instant.now();
        }
        return taxonomy;
    }
}
