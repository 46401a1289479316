package org.bridgeway.directory.openreferral;

import java.util.List;
import java.util.function.Function;

import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Vocabulary;
import org.bridgeway.directory.search.ListingQuery.Facet;

/**
 * The vocabularies that classify a service, each published as one HSDS taxonomy: where its terms
 * come from, which codes of a listing use it, and the search facet that filters by it.
 */
enum VocabularyTaxonomy {

    CATEGORIES(ReferenceData::categories, ListingDetails::categories, Facet.CATEGORY, "Bridgeway need categories",
            "What a service helps with: the needs people are referred or signposted to it for."),
    ACTIVITIES(ReferenceData::activities, ListingDetails::activities, Facet.ACTIVITY, "Bridgeway activities",
            "What a service does or offers."),
    MARMOT_PRINCIPLES(ReferenceData::marmotPrinciples, ListingDetails::marmotPrinciples, Facet.MARMOT_PRINCIPLE,
            "Marmot principles", "The Marmot Review principles for reducing health inequalities that a service contributes to."),
    OUTCOMES(ReferenceData::outcomes, ListingDetails::outcomes, Facet.OUTCOME, "Bridgeway outcomes",
            "The outcomes a service works towards for the people it supports."),
    PRIORITY_GROUPS(ReferenceData::priorityGroups, ListingDetails::priorityGroups, Facet.PRIORITY_GROUP,
            "Bridgeway priority groups", "The groups of people a service is for or gives priority to.");

    private final Function<ReferenceData, Vocabulary> vocabulary;
    private final Function<ListingDetails, List<String>> codes;
    private final Facet facet;
    private final String title;
    private final String description;

    VocabularyTaxonomy(Function<ReferenceData, Vocabulary> vocabulary, Function<ListingDetails, List<String>> codes,
                       Facet facet, String title, String description) {
        this.vocabulary = vocabulary;
        this.codes = codes;
        this.facet = facet;
        this.title = title;
        this.description = description;
    }

    Vocabulary vocabulary(ReferenceData reference) {
        return vocabulary.apply(reference);
    }

    List<String> codes(ListingDetails details) {
        return codes.apply(details);
    }

    Facet facet() {
        return facet;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }
}
