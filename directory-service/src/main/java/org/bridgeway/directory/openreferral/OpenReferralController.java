package org.bridgeway.directory.openreferral;

import java.util.Map;
import java.util.Optional;

import org.bridgeway.directory.reference.Areas;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.util.RawValue;

/**
 * The public Open Referral UK (HSDS 3.0 UK profile) feed of the directory: the nine read
 * endpoints of the profile's openapi.json, open to anyone without a token.
 */
@RestController
@RequestMapping("/openreferral")
class OpenReferralController {

    private static final Hsds.ApiDetails API = new Hsds.ApiDetails("HSDS-UK-3.0",
            "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md",
            "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json");

    private final ServiceFeed services;
    private final ServiceAtLocationRows serviceAtLocations;
    private final Taxonomies taxonomies;
    private final Areas areas;

    OpenReferralController(ServiceFeed services, ServiceAtLocationRows serviceAtLocations, Taxonomies taxonomies,
                           ReferenceData reference) {
        this.services = services;
        this.serviceAtLocations = serviceAtLocations;
        this.taxonomies = taxonomies;
        this.areas = reference.areas();
    }

    @GetMapping({"", "/"})
    Hsds.ApiDetails api() {
        return API;
    }

    @GetMapping("/services")
    FeedPage<RawValue> services(@RequestParam Map<String, String> parameters) {
        FeedParameters read = new FeedParameters(parameters);
        ServiceSearch search = read.serviceSearch(taxonomies, areas);
        Paging paging = read.pagingWithin(IndexedServices.WINDOW);
        read.check();
        return services.services(search, paging);
    }

    @GetMapping("/services/{id}")
    Hsds.Service service(@PathVariable String id) {
        return services.service(id);
    }

    @GetMapping("/service_at_locations")
    FeedPage<Hsds.ServiceAtLocation> serviceAtLocations(@RequestParam Map<String, String> parameters) {
        FeedParameters read = new FeedParameters(parameters);
        ServiceSearch search = read.serviceSearch(taxonomies, areas);
        Paging paging = read.paging();
        read.check();
        return serviceAtLocations.page(search, paging);
    }

    @GetMapping("/service_at_locations/{id}")
    Hsds.ServiceAtLocation serviceAtLocation(@PathVariable String id) {
        return services.serviceAtLocation(id);
    }

    @GetMapping("/taxonomies")
    FeedPage<Hsds.Taxonomy> taxonomies(@RequestParam Map<String, String> parameters) {
        FeedParameters read = new FeedParameters(parameters);
        Paging paging = read.paging();
        read.check();
        return FeedPage.slice(taxonomies.all(), paging);
    }

    @GetMapping("/taxonomies/{id}")
    Hsds.Taxonomy taxonomy(@PathVariable String id) {
        return taxonomies.taxonomy(id).orElseThrow(() -> new NotFoundException("taxonomy", id));
    }

    @GetMapping("/taxonomy_terms")
    FeedPage<Hsds.TaxonomyTerm> taxonomyTerms(@RequestParam Map<String, String> parameters) {
        FeedParameters read = new FeedParameters(parameters);
        Paging paging = read.paging();
        Optional<VocabularyTaxonomy> taxonomy = read.taxonomy(taxonomies);
        read.check();
        return FeedPage.slice(taxonomy.map(taxonomies::terms).orElseGet(taxonomies::terms), paging);
    }

    @GetMapping("/taxonomy_terms/{id}")
    Hsds.TaxonomyTerm taxonomyTerm(@PathVariable String id) {
        return taxonomies.term(id).map(Taxonomies.ClassifiedTerm::term)
                .orElseThrow(() -> new NotFoundException("taxonomy term", id));
    }
}
