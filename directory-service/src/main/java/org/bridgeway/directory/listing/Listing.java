package org.bridgeway.directory.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bridgeway.directory.outbox.PendingEvent;

/**
 * A service an organisation offers, as residents and referrers see it. Every change registers a
 * full snapshot for the compacted directory.services.v1 topic in the same document.
 */
public class Listing {

    static final String SNAPSHOT_TYPE = "org.bridgeway.directory.service.snapshot.v1";

    public enum Status { ACTIVE, TEMPORARILY_CLOSED, INACTIVE, DEFUNCT }

    public enum Pathway { REFERRAL, SIGNPOST_ONLY }

    public enum Capacity { ACCEPTING, WAITING_LIST, PAUSED }

    private final String id;
    private final String organisationId;
    private final String name;
    private final String description;
    private final List<String> categories;
    private final Status status;
    private final Pathway pathway;
    private final Capacity capacity;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<PendingEvent> pendingEvents;

    Listing(String id, String organisationId, String name, String description, List<String> categories, Status status,
            Pathway pathway, Capacity capacity, long version, Instant createdAt, Instant updatedAt,
            List<PendingEvent> pendingEvents) {
        this.id = id;
        this.organisationId = organisationId;
        this.name = name;
        this.description = description;
        this.categories = List.copyOf(categories);
        this.status = status;
        this.pathway = pathway;
        this.capacity = capacity;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.pendingEvents = new ArrayList<>(pendingEvents);
    }

    /** A new listing is active and accepting referrals until its organisation says otherwise. */
    public static Listing publish(String id, String organisationId, String name, String description, List<String> categories,
                           Pathway pathway, Instant now) {
        Listing listing = new Listing(id, organisationId, name, description, categories, Status.ACTIVE, pathway,
                Capacity.ACCEPTING, 1, now, now, List.of());
        listing.pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), SNAPSHOT_TYPE, 1, now, listing.snapshot()));
        return listing;
    }

    ListingSnapshot snapshot() {
        return new ListingSnapshot(id, version, organisationId, name, categories, status, pathway, capacity, updatedAt);
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<String> categories() {
        return categories;
    }

    public Status status() {
        return status;
    }

    public Pathway pathway() {
        return pathway;
    }

    public Capacity capacity() {
        return capacity;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
