package org.bridgeway.directory.openreferral;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bridgeway.directory.reference.Areas;
import org.bridgeway.directory.search.ListingQuery.Facet;
import org.bridgeway.directory.web.InvalidFieldException;
import org.bridgeway.directory.web.InvalidFieldException.FieldProblem;

/**
 * Reads the query parameters of the feed's lists. Every bad value, and every Open Referral filter
 * the feed cannot apply, is collected and refused together as a 400 naming each parameter: a filter
 * silently ignored would hand back services the caller asked to leave out.
 */
final class FeedParameters {

    private static final int MAX_SEARCH = 200;
    private static final int MAX_AGE = 120;
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "proximity", "is not supported: the directory has no postcode centroids; postcode filters by the area a service covers",
            "start_time", "is not supported: opening hours cannot be filtered on",
            "end_time", "is not supported: opening hours cannot be filtered on",
            "day", "is not supported: opening hours cannot be filtered on",
            "organization_id", "is not supported by this feed",
            "modified_after", "is not supported by this feed");

    private final Map<String, String> values;
    private final List<FieldProblem> problems = new ArrayList<>();

    FeedParameters(Map<String, String> values) {
        this.values = values;
    }

    /** Fails with every problem found so far. */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }

    Paging paging() {
        int page = integer("page", 1, Integer.MAX_VALUE, "must be a whole number from 1").orElse(1);
        int perPage = integer("per_page", 1, Paging.MAX_PER_PAGE, "must be a whole number from 1 to " + Paging.MAX_PER_PAGE)
                .orElse(Paging.DEFAULT_PER_PAGE);
        return new Paging(page, perPage);
    }

    /** A page of a list the search index holds: it reads only so many results deep. */
    Paging pagingWithin(long window) {
        Paging paging = paging();
        if (paging.end() > window) {
            problems.add(new FieldProblem("page", "only the first " + window
                    + " results can be paged through; narrow the list with search, taxonomy_term_id, postcode or an age"));
        }
        return paging;
    }

    ServiceSearch serviceSearch(Taxonomies taxonomies, Areas areas) {
        values.keySet().stream().filter(UNSUPPORTED::containsKey)
                .forEach(name -> problems.add(new FieldProblem(name, UNSUPPORTED.get(name))));
        Map<Facet, String> filters = new EnumMap<>(Facet.class);
        Optional<Taxonomies.ClassifiedTerm> term = text("taxonomy_term_id").flatMap(id -> {
            Optional<Taxonomies.ClassifiedTerm> found = taxonomies.term(id);
            if (found.isEmpty()) {
                problems.add(new FieldProblem("taxonomy_term_id", "'" + id + "' is not a term of this feed; see /openreferral/taxonomy_terms"));
            }
            return found;
        });
        term.ifPresent(t -> filters.put(t.taxonomy().facet(), t.code()));
        taxonomy(taxonomies).ifPresent(taxonomy -> {
            // Every listing has a need category; any other taxonomy can only be matched through one of its terms.
            boolean matchedByTerm = term.map(t -> t.taxonomy() == taxonomy).orElse(false);
            if (taxonomy != VocabularyTaxonomy.CATEGORIES && !matchedByTerm) {
                problems.add(new FieldProblem("taxonomy_id", "filtering by every term of '" + taxonomy.title()
                        + "' is not supported; give one of its terms as taxonomy_term_id"));
            }
        });
        return new ServiceSearch(search().orElse(null), filters, place(areas), age());
    }

    Optional<VocabularyTaxonomy> taxonomy(Taxonomies taxonomies) {
        return text("taxonomy_id").flatMap(id -> {
            Optional<VocabularyTaxonomy> found = taxonomies.classifying(id);
            if (found.isEmpty()) {
                problems.add(new FieldProblem("taxonomy_id", "'" + id + "' is not a taxonomy of this feed; see /openreferral/taxonomies"));
            }
            return found;
        });
    }

    private Optional<String> search() {
        Optional<String> search = text("search");
        if (search.isPresent() && search.get().length() > MAX_SEARCH) {
            problems.add(new FieldProblem("search", "must be at most " + MAX_SEARCH + " characters"));
            return Optional.empty();
        }
        return search;
    }

    private String place(Areas areas) {
        return text("postcode").map(postcode -> {
            Optional<String> place = postcode.length() > 10 ? Optional.empty() : areas.place(postcode);
            if (place.isEmpty()) {
                problems.add(new FieldProblem("postcode", "'" + postcode + "' is not in a postcode district the directory knows; known: "
                        + String.join(", ", areas.postcodeDistricts().keySet().stream().sorted().toList())));
            }
            return place.orElse(null);
        }).orElse(null);
    }

    /**
     * The index answers "does the service take someone of this age", so both parameters name that
     * person's age (a service for 0 to 18 year olds matches minimum_age=12); a range of ages cannot be asked.
     */
    private Integer age() {
        String rule = "must be a whole number of years from 0 to " + MAX_AGE;
        Optional<Integer> minimum = integer("minimum_age", 0, MAX_AGE, rule);
        Optional<Integer> maximum = integer("maximum_age", 0, MAX_AGE, rule);
        if (minimum.isPresent() && maximum.isPresent() && !minimum.equals(maximum)) {
            problems.add(new FieldProblem("maximum_age",
                    "services are matched to one age: give minimum_age and maximum_age the same value, or only one of them"));
        }
        return minimum.or(() -> maximum).orElse(null);
    }

    private Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private Optional<Integer> integer(String name, int min, int max, String rule) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below, like a value out of range
        }
        problems.add(new FieldProblem(name, rule));
        return Optional.empty();
    }
}
