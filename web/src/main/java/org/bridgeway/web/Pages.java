package org.bridgeway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to the pages of an API result, keeping the query the person asked. */
public final class Pages {

    public record Link(int number, String href, boolean current) {
    }

    private Pages() {
    }

    /** The links for {@code page} (the API's {@code {number, totalPages}}); none for a single page. */
    public static List<Link> of(String path, MultiValueMap<String, String> params, Object page) {
        if (!(page instanceof Map<?, ?> info) || !(info.get("totalPages") instanceof Number total) || total.intValue() < 2) {
            return List.of();
        }
        int current = ((Number) info.get("number")).intValue();
        List<Link> links = new ArrayList<>();
        for (int number = 0; number < Math.min(total.intValue(), 20); number++) {
            String href = UriComponentsBuilder.fromPath(path).queryParams(params).replaceQueryParam("page", number)
                    .encode().build().toUriString();
            links.add(new Link(number + 1, href, number == current));
        }
        return links;
    }
}
