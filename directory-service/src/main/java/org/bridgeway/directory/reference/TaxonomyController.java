package org.bridgeway.directory.reference;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reference data for forms and filters: every vocabulary, the areas and the postcode districts. */
@RestController
class TaxonomyController {

    record Taxonomy(List<Term> categories, List<Term> activities, List<Term> marmotPrinciples, List<Term> outcomes,
                    List<Term> priorityGroups, List<Term> genders, List<Term> languages, List<Term> referrerRoles,
                    List<String> deliveryModes, List<Area> areas, Map<String, List<String>> postcodeDistricts) {
    }

    private final Taxonomy taxonomy;

    TaxonomyController(ReferenceData reference) {
        this.taxonomy = new Taxonomy(reference.categories().terms(), reference.activities().terms(),
                reference.marmotPrinciples().terms(), reference.outcomes().terms(), reference.priorityGroups().terms(),
                reference.genders().terms(), reference.languages().terms(), reference.referrerRoles().terms(),
                java.util.Arrays.stream(DeliveryMode.values()).map(Enum::name).toList(), reference.areas().all(),
                reference.areas().postcodeDistricts());
    }

    @GetMapping("/api/directory/taxonomy")
    Taxonomy taxonomy() {
        return taxonomy;
    }
}
