package org.bridgeway.directory.importing;

import java.util.List;

import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.organisation.OrganisationDetails;

/**
 * One service as a source describes it, already in the directory's terms, with the key a
 * re-import finds it by.
 *
 * @param organisationSourceId the source's own id for the organisation, or null when it has none
 * @param organisation         what the source says about the organisation; null when it only names one by id
 * @param status               the status the source gives, or null when it says nothing about it
 */
record ImportedService(int row, String sourceKey, Listing.Provenance provenance, String organisationSourceId,
                       OrganisationDetails organisation, Listing.Status status, Content content, List<String> warnings) {

    /** The listing's content, once it is known which organisation it belongs to and what is stored already. */
    @FunctionalInterface
    interface Content {

        /**
         * @param stored what is stored from an earlier import, or {@link ImportedService#NOTHING_STORED}: what the
         *               source cannot say (capacity, referral terms ...) is kept from it
         */
        ListingDetails of(String organisationId, ListingDetails stored);
    }

    /** Where a source says nothing, a new listing is signposting only, and people may go to it themselves. */
    static final ListingDetails NOTHING_STORED = new ListingDetails(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null,
            new ListingDetails.ReferralTerms(ListingDetails.Pathway.SIGNPOST_ONLY, List.of(), true, null), null, null);

    ImportedService {
        warnings = List.copyOf(warnings);
    }
}
