package org.bridgeway.web.listings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bridgeway.web.FormErrors;
import org.springframework.util.MultiValueMap;

/**
 * What a provider changes on the listing editor: its words, the needs it meets, how and where it
 * is delivered, whom it is for. The rest of the listing (its name, organisation, locations, who may
 * refer, capacity) is sent back as it was; the directory checks the whole listing again.
 */
final class ListingEdit {

    /** The fields this page edits, as the API names them, with the page's words for their errors. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("description", "Description:");
        LABELS.put("categories", "Needs:");
        LABELS.put("deliveryModes", "How it is delivered:");
        LABELS.put("coverage", "Where it takes people from:");
        LABELS.put("minimumAge", "Youngest age:");
        LABELS.put("maximumAge", "Oldest age:");
        LABELS.put("referral.eligibility", "Who is eligible:");
        LABELS.put("phone", "Phone:");
        LABELS.put("email", "Email:");
        LABELS.put("website", "Website:");
        LABELS.put("openingNotes", "Opening times:");
        LABELS.put("accessibility", "Accessibility:");
    }

    private static final List<String> WORDS = List.of("description", "phone", "email", "website", "openingNotes", "accessibility");

    private ListingEdit() {
    }

    /** The listing with the form's answers in it, and what the page itself finds wrong with them. */
    @SuppressWarnings("unchecked")
    static FormErrors apply(Map<String, Object> listing, MultiValueMap<String, String> form) {
        FormErrors errors = new FormErrors();
        WORDS.forEach(field -> listing.put(field, text(form.getFirst(field))));
        List<String> categories = answers(form, "categories");
        if (categories.isEmpty()) {
            errors.add("categories", "Select at least one need the service meets");
        }
        listing.put("categories", categories);
        List<String> modes = answers(form, "deliveryModes");
        if (modes.isEmpty()) {
            errors.add("deliveryModes", "Select at least one way the service is delivered");
        }
        listing.put("deliveryModes", modes);
        boolean wholeArea = "true".equals(form.getFirst("wholeArea"));
        List<String> areas = wholeArea ? List.of() : answers(form, "areas");
        if (!wholeArea && areas.isEmpty()) {
            errors.add("coverage", "Select where the service takes people from, or the whole of Kent and Medway");
        }
        listing.put("coverage", Map.of("wholeArea", wholeArea, "areas", areas));
        Integer youngest = age(form.getFirst("minimumAge"), "minimumAge", errors);
        Integer oldest = age(form.getFirst("maximumAge"), "maximumAge", errors);
        if (youngest != null && oldest != null && youngest > oldest) {
            errors.add("maximumAge", "The oldest age must be the same as or more than the youngest");
        }
        listing.put("minimumAge", youngest);
        listing.put("maximumAge", oldest);
        Map<String, Object> referral = new LinkedHashMap<>((Map<String, Object>) listing.getOrDefault("referral", Map.of()));
        referral.put("eligibility", text(form.getFirst("eligibility")));
        referral.put("selfReferral", "true".equals(form.getFirst("selfReferral")));
        listing.put("referral", referral);
        return errors;
    }

    private static Integer age(String answer, String field, FormErrors errors) {
        String value = text(answer);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,3}") || Integer.parseInt(value) > 120) {
            errors.add(field, "Enter the age as a whole number from 0 to 120");
            return null;
        }
        return Integer.valueOf(value);
    }

    private static List<String> answers(MultiValueMap<String, String> form, String field) {
        return form.getOrDefault(field, List.of()).stream().filter(value -> !value.isBlank()).distinct().toList();
    }

    private static String text(String answer) {
        return answer == null || answer.isBlank() ? null : answer.strip();
    }
}
