package org.bridgeway.referral.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The need categories of the platform's taxonomy ({@code reference/taxonomy.json}), with their published labels. */
@Component
class NeedCategories {

    record Taxonomy(List<Category> needCategories) {
        record Category(String code, String label) {
        }
    }

    private final Map<String, String> labels = new LinkedHashMap<>();

    NeedCategories(JsonMapper json) {
        try (InputStream in = NeedCategories.class.getResourceAsStream("/reference/taxonomy.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/taxonomy.json is missing from the classpath");
            }
            json.readValue(in, Taxonomy.class).needCategories().forEach(c -> labels.put(c.code(), c.label()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean known(String code) {
        return labels.containsKey(code);
    }

    String label(String code) {
        return labels.getOrDefault(code, code);
    }

    List<String> codes() {
        return List.copyOf(labels.keySet());
    }
}
