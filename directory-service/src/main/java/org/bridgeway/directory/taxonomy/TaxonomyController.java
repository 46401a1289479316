package org.bridgeway.directory.taxonomy;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaxonomyController {

    record Term(String code, String label) {
    }

    record Taxonomy(List<Term> categories) {
    }

    @GetMapping("/api/directory/taxonomy")
    Taxonomy taxonomy() {
        return new Taxonomy(Arrays.stream(NeedCategory.values()).map(c -> new Term(c.code(), c.label())).toList());
    }
}
