package org.bridgeway.directory.search;

import org.bridgeway.directory.listing.Listing;

/**
 * How a listing appears in a page of the Open Referral feed, as JSON: the index keeps it beside
 * each listing, made when the listing is written, so a feed page only copies it out.
 */
public interface FeedEntries {

    byte[] of(Listing listing);
}
