package org.bridgeway.directory.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bridgeway.directory.outbox.PendingEvent;

/**
 * A service an organisation offers, as residents and referrers see it. Every change bumps the
 * version and registers a full snapshot for the compacted directory.services.v1 topic in the
 * same document, so the change and its message are written together.
 */
public class Listing {

    static final String SNAPSHOT_TYPE = "org.bridgeway.directory.service.snapshot.v1";
    static final String REVIEW_DUE_TYPE = "org.bridgeway.directory.service.review-due.v1";

    public enum Status { ACTIVE, TEMPORARILY_CLOSED, INACTIVE, DEFUNCT }

    /** How the listing came into the directory; an import also keeps the key it is matched by on re-import. */
    public enum Provenance { MANUAL, FORM_IMPORT, OPEN_REFERRAL_IMPORT }

    private final String id;
    private ListingDetails details;
    private Status status;
    private final Provenance provenance;
    private final String sourceKey;
    private Instant lastVerifiedAt;
    private String lastVerifiedBy;
    private Instant reviewDueSince;
    private String mergedInto;
    private long version;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    private final List<PendingEvent> pendingEvents;

    Listing(String id, ListingDetails details, Status status, Provenance provenance, String sourceKey,
            Instant lastVerifiedAt, String lastVerifiedBy, Instant reviewDueSince, String mergedInto, long version,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, List<PendingEvent> pendingEvents) {
        this.id = id;
        this.details = details;
        this.status = status;
        this.provenance = provenance;
        this.sourceKey = sourceKey;
        this.lastVerifiedAt = lastVerifiedAt;
        this.lastVerifiedBy = lastVerifiedBy;
        this.reviewDueSince = reviewDueSince;
        this.mergedInto = mergedInto;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /** A new listing is active, and counts as verified by whoever published it; capacity defaults to accepting. */
    public static Listing publish(String id, ListingDetails details, Provenance provenance, String sourceKey,
                                  String actor, Instant now) {
        ListingDetails withCapacity = details.capacity() == null ? details.withCapacity(ListingDetails.Capacity.ACCEPTING) : details;
        Listing listing = new Listing(id, withCapacity, Status.ACTIVE, provenance, sourceKey, now, actor, null, null, 0,
                now, actor, now, actor, List.of());
        listing.changed(actor, now);
        return listing;
    }

    /** New content from the owning organisation or an administrator; whoever revises it has checked it. */
    public void revise(ListingDetails newDetails, String actor, Instant now) {
        this.details = newDetails.capacity() == null ? newDetails.withCapacity(details.capacity()) : newDetails;
        verifiedBy(actor, now);
        changed(actor, now);
    }

    public void changeCapacity(ListingDetails.Capacity capacity, String actor, Instant now) {
        this.details = details.withCapacity(capacity);
        changed(actor, now);
    }

    public void changeStatus(Status newStatus, String actor, Instant now) {
        this.status = newStatus;
        changed(actor, now);
    }

    /** The organisation confirms the listing is still true. */
    public void verify(String actor, Instant now) {
        verifiedBy(actor, now);
        changed(actor, now);
    }

    /** Flags a listing not verified for too long and tells its organisation, once per lapse. */
    public void markReviewDue(Instant now) {
        reviewDueSince = now;
        // Before the snapshot: on the compacted topic the newest message per key must stay a snapshot.
        pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), REVIEW_DUE_TYPE, version + 1, now,
                new ReviewDue(id, version + 1, details.organisationId(), details.name(), lastVerifiedAt, now)));
        changed("directory-service", now);
    }

    /** This listing duplicates {@code survivorId}: it leaves search and its id redirects there. */
    public void mergeInto(String survivorId, String actor, Instant now) {
        this.mergedInto = survivorId;
        this.status = Status.DEFUNCT;
        changed(actor, now);
    }

    private void verifiedBy(String actor, Instant now) {
        lastVerifiedAt = now;
        lastVerifiedBy = actor;
        reviewDueSince = null;
    }

    private void changed(String actor, Instant now) {
        version++;
        updatedAt = now;
        updatedBy = actor;
        pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), SNAPSHOT_TYPE, version, now, ListingView.of(this)));
    }

    public boolean isSearchable() {
        return mergedInto == null && (status == Status.ACTIVE || status == Status.TEMPORARILY_CLOSED);
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return details.organisationId();
    }

    public ListingDetails details() {
        return details;
    }

    public Status status() {
        return status;
    }

    public Provenance provenance() {
        return provenance;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    public String lastVerifiedBy() {
        return lastVerifiedBy;
    }

    public Instant reviewDueSince() {
        return reviewDueSince;
    }

    public String mergedInto() {
        return mergedInto;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
