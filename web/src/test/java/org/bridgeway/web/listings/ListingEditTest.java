package org.bridgeway.web.listings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bridgeway.web.FormErrors;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class ListingEditTest {

    @Test
    void theFormsAnswersReplaceTheirPartsAndTheRestOfTheListingIsKept() {
        Map<String, Object> listing = listing();
        MultiValueMap<String, String> form = form();
        form.put("areas", List.of("medway", "gillingham"));

        FormErrors errors = ListingEdit.apply(listing, form);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(listing).containsEntry("categories", List.of("fuel", "housing")).containsEntry("deliveryModes", List.of("HOME_VISIT"))
                .containsEntry("coverage", Map.of("wholeArea", false, "areas", List.of("medway", "gillingham")))
                .containsEntry("minimumAge", 18).containsEntry("maximumAge", null).containsEntry("phone", null)
                .containsEntry("name", "Green Doctors Home Energy Measures");
        assertThat(listing.get("referral")).isEqualTo(Map.of("pathway", "REFERRAL", "referrerRoles", List.of("social-prescriber"),
                "eligibility", "Medway residents on a low income", "selfReferral", true));
    }

    @Test
    void missingChoicesAndImpossibleAgesAreFoundBeforeTheDirectoryIsAsked() {
        MultiValueMap<String, String> form = form();
        form.remove("categories");
        form.set("minimumAge", "65");
        form.set("maximumAge", "eighteen");
        assertThat(ListingEdit.apply(listing(), form).getAll()).extracting(FormErrors.Error::field)
                .containsExactly("categories", "coverage", "maximumAge");

        form.set("maximumAge", "18");
        form.set("wholeArea", "true");
        form.add("categories", "fuel");
        assertThat(ListingEdit.apply(listing(), form).message("maximumAge")).isEqualTo("The oldest age must be the same as or more than the youngest");
    }

    private static Map<String, Object> listing() {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("name", "Green Doctors Home Energy Measures");
        listing.put("phone", "01634 000000");
        listing.put("referral", Map.of("pathway", "REFERRAL", "referrerRoles", List.of("social-prescriber"), "selfReferral", false));
        return listing;
    }

    private static MultiValueMap<String, String> form() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.put("categories", List.of("fuel", "housing", "fuel"));
        form.add("deliveryModes", "HOME_VISIT");
        form.add("minimumAge", "18");
        form.add("maximumAge", "");
        form.add("phone", " ");
        form.add("eligibility", "Medway residents on a low income");
        form.add("selfReferral", "true");
        return form;
    }
}
