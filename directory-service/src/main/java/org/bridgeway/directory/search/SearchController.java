package org.bridgeway.directory.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.bridgeway.directory.reference.DeliveryMode;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Vocabulary;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.search.ListingQuery.Facet;
import org.bridgeway.directory.web.InvalidFieldException;
import org.bridgeway.directory.web.InvalidFieldException.FieldProblem;
import org.bridgeway.directory.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.util.RawValue;

/**
 * Directory search for referrers: ranked text search, AND-combined filters, and a count per value
 * of every filter over the filtered result.
 */
@RestController
class SearchController {

    /** The items are written out as the index keeps them: parsing and writing them again was a fifth of a search's time. */
    record SearchResult(@ArraySchema(schema = @Schema(ref = "#/components/schemas/ListingView"), arraySchema = @Schema(description =
                                "Listings as GET /api/directory/services/{id} gives them, each also with its organisation's name in organisationName"))
                        List<RawValue> items, Map<String, Map<String, Integer>> facets, Page page) {
    }

    private final ListingIndex index;
    private final ReferenceData reference;

    SearchController(ListingIndex index, ReferenceData reference) {
        this.index = index;
        this.reference = reference;
    }

    @GetMapping("/api/directory/services")
    SearchResult search(@RequestParam(required = false) @Size(max = 200) String q,
                        @RequestParam(required = false) String category,
                        @RequestParam(required = false) String activity,
                        @RequestParam(required = false) String marmotPrinciple,
                        @RequestParam(required = false) String outcome,
                        @RequestParam(required = false) String priorityGroup,
                        @RequestParam(required = false) String gender,
                        @RequestParam(required = false) String language,
                        @RequestParam(required = false) String capacity,
                        @RequestParam(required = false) String deliveryMode,
                        @RequestParam(required = false) @Size(max = 60) String area,
                        @RequestParam(required = false) @Size(max = 10) String postcode,
                        @RequestParam(required = false) @Min(0) @Max(120) Integer age,
                        @RequestParam(required = false) String sort,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(499) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Filters filters = new Filters();
        filters.code(Facet.CATEGORY, category, reference.categories());
        filters.code(Facet.ACTIVITY, activity, reference.activities());
        filters.code(Facet.MARMOT_PRINCIPLE, marmotPrinciple, reference.marmotPrinciples());
        filters.code(Facet.OUTCOME, outcome, reference.outcomes());
        filters.code(Facet.PRIORITY_GROUP, priorityGroup, reference.priorityGroups());
        filters.code(Facet.GENDER, gender, reference.genders());
        filters.code(Facet.LANGUAGE, language, reference.languages());
        filters.constant(Facet.CAPACITY, capacity, ListingDetails.CapacityStatus.class);
        filters.constant(Facet.DELIVERY_MODE, deliveryMode, DeliveryMode.class);
        String place = null;
        if (area != null && postcode != null) {
            filters.problems.add(new FieldProblem("postcode", "give either area or postcode, not both"));
        } else if (area != null || postcode != null) {
            String field = area != null ? "area" : "postcode";
            place = reference.areas().place(area != null ? area : postcode).orElse(null);
            if (place == null) {
                filters.problems.add(new FieldProblem(field, area != null
                        ? "'" + area + "' is not an area code; see /api/directory/taxonomy for the areas"
                        : "'" + postcode + "' is not in a postcode district the directory knows; known: "
                          + String.join(", ", reference.areas().postcodeDistricts().keySet())));
            }
        }
        ListingQuery.Order order = order(sort, q, filters);
        if (!filters.problems.isEmpty()) {
            throw new InvalidFieldException(filters.problems);
        }
        ListingIndex.Result result = index.search(new ListingQuery(q, filters.values, place, age, order, page, size, true));
        return new SearchResult(result.itemsAsWritten(), result.facets(), Page.of(page, size, result.totalItems()));
    }

    private static ListingQuery.Order order(String sort, String q, Filters filters) {
        if (sort == null) {
            return q == null || q.isBlank() ? ListingQuery.Order.NAME : ListingQuery.Order.RELEVANCE;
        }
        try {
            return ListingQuery.Order.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            filters.problems.add(new FieldProblem("sort", "'" + sort + "' not allowed; allowed: relevance, name, verified"));
            return ListingQuery.Order.NAME;
        }
    }

    /** Filter values checked against their vocabularies, every unknown one reported with the allowed values. */
    private static final class Filters {
        final Map<Facet, String> values = new EnumMap<>(Facet.class);
        final List<FieldProblem> problems = new java.util.ArrayList<>();

        void code(Facet facet, String value, Vocabulary vocabulary) {
            if (value == null) {
                return;
            }
            if (vocabulary.contains(value)) {
                values.put(facet, value);
            } else {
                problems.add(new FieldProblem(facet.field(), "'" + value + "' not allowed; allowed: " + vocabulary.allowedCodes()));
            }
        }

        <E extends Enum<E>> void constant(Facet facet, String value, Class<E> type) {
            if (value == null) {
                return;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    values.put(facet, value);
                    return;
                }
            }
            problems.add(new FieldProblem(facet.field(), "'" + value + "' not allowed; allowed: "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
    }
}
