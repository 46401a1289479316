package org.bridgeway.directory.listing;

import java.util.ArrayList;
import java.util.List;

import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Vocabulary;
import org.bridgeway.directory.web.InvalidFieldException;
import org.bridgeway.directory.web.InvalidFieldException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The rules a listing's content must meet beyond its shape: every code from the controlled
 * vocabularies, a sensible age range and opening hours, a coverage that says where. All broken
 * rules are reported together, each naming its field and, for codes, the allowed values.
 */
@Component
public class ListingRules {

    private final ReferenceData reference;

    ListingRules(ReferenceData reference) {
        this.reference = reference;
    }

    public void check(ListingDetails details) {
        List<FieldProblem> problems = problems(details);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }

    public List<FieldProblem> problems(ListingDetails d) {
        List<FieldProblem> problems = new ArrayList<>();
        codes(problems, "categories", d.categories(), reference.categories());
        codes(problems, "activities", d.activities(), reference.activities());
        codes(problems, "marmotPrinciples", d.marmotPrinciples(), reference.marmotPrinciples());
        codes(problems, "outcomes", d.outcomes(), reference.outcomes());
        codes(problems, "priorityGroups", d.priorityGroups(), reference.priorityGroups());
        codes(problems, "genders", d.genders(), reference.genders());
        codes(problems, "languages", d.languages(), reference.languages());
        codes(problems, "referral.referrerRoles", d.referral().referrerRoles(), reference.referrerRoles());
        if (d.minimumAge() != null && d.maximumAge() != null && d.minimumAge() > d.maximumAge()) {
            problems.add(new FieldProblem("maximumAge", "must not be below minimumAge"));
        }
        List<String> unknownAreas = d.coverage().areas().stream().filter(code -> !reference.areas().contains(code)).toList();
        if (!unknownAreas.isEmpty()) {
            problems.add(new FieldProblem("coverage.areas", unknownAreas + " are not area codes; see /api/directory/taxonomy for the areas"));
        }
        if (!d.coverage().wholeArea() && d.coverage().areas().isEmpty()) {
            problems.add(new FieldProblem("coverage", "must name at least one area, or set wholeArea"));
        }
        for (int i = 0; i < d.openingHours().size(); i++) {
            ListingDetails.OpeningHours hours = d.openingHours().get(i);
            if (!hours.closes().isAfter(hours.opens())) {
                problems.add(new FieldProblem("openingHours[" + i + "].closes", "must be after opens"));
            }
        }
        if (d.capacity() != null) {
            capacityProblem(d.capacity(), "capacity.").ifPresent(problems::add);
        }
        return problems;
    }

    /** @param prefix where the capacity sits in the request body ("capacity." in a listing, "" on its own) */
    public void checkCapacity(ListingDetails.Capacity capacity, String prefix) {
        capacityProblem(capacity, prefix).ifPresent(problem -> {
            throw new InvalidFieldException(List.of(problem));
        });
    }

    private static java.util.Optional<FieldProblem> capacityProblem(ListingDetails.Capacity capacity, String prefix) {
        return capacity.estimatedWaitWeeks() != null && capacity.status() != ListingDetails.CapacityStatus.WAITING_LIST
                ? java.util.Optional.of(new FieldProblem(prefix + "estimatedWaitWeeks", "is only for a WAITING_LIST capacity"))
                : java.util.Optional.empty();
    }

    private static void codes(List<FieldProblem> problems, String field, List<String> codes, Vocabulary vocabulary) {
        List<String> unknown = vocabulary.unknown(codes);
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem(field, unknown + " not allowed; allowed: " + vocabulary.allowedCodes()));
        }
    }
}
