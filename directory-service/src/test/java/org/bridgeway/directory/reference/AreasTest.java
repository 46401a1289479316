package org.bridgeway.directory.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The places a listing serves, as the search index records them, on the areas the service ships. */
class AreasTest {

    private final Areas areas = ShippedReferenceData.load().areas();

    @Test
    void aListingServesItsOwnAreaWhatIsAboveItWhatIsBelowItAndThePostcodeDistrictsThatReachIt() {
        assertThat(areas.placesServed(List.of("luton-ward")))
                .contains("luton-ward", "chatham", "medway", "kent-and-medway", "ME4")
                .doesNotContain("rochester", "swale", "kent", "ME10");
        assertThat(areas.placesServed(List.of("swale"))).contains("swale", "sittingbourne", "kent", "ME10").doesNotContain("medway", "ME4");
        assertThat(areas.placesServed(List.of())).isEmpty();
    }

    @Test
    void aPlaceIsAnAreaCodeOrThePostcodeDistrictOfWhatIsGiven() {
        assertThat(areas.place(" chatham ")).contains("chatham");
        assertThat(areas.place("me4 4tr")).contains("ME4");
        assertThat(areas.place("ME4")).contains("ME4");
        assertThat(areas.place("ZZ99")).isEmpty();
        assertThat(areas.places()).contains("kent-and-medway", "luton-ward", "ME4").doesNotContain("ZZ99");
    }

    /** Worked out per listing ahead of time, the answer must be the one the areas give when asked per place. */
    @Test
    void aListingCoveringAnAreaServesExactlyThePlacesWhoseServingAreasMeetWhatItCovers() {
        for (Area covered : areas.all()) {
            var served = areas.placesServed(List.of(covered.code()));
            for (String place : areas.places()) {
                boolean meets = !Collections.disjoint(areas.withDescendants(List.of(covered.code())), areas.servingPlace(place).orElseThrow());
                assertThat(served.contains(place)).as("%s serves %s", covered.code(), place).isEqualTo(meets);
            }
        }
    }
}
