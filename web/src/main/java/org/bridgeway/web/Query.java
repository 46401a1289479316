package org.bridgeway.web;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Query parameters for an API call; blank values are left out, as a form sends every field. */
public final class Query {

    private Query() {
    }

    public static MultiValueMap<String, String> of(String... namesAndValues) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            add(query, namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    public static void add(MultiValueMap<String, String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name, value.strip());
        }
    }
}
