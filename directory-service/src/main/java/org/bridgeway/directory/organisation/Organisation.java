package org.bridgeway.directory.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bridgeway.directory.outbox.PendingEvent;

/**
 * A body that offers services: a charity, a CIC, a council team. Every change registers a full
 * snapshot for the compacted directory.organisations.v1 topic in the same document.
 */
public class Organisation {

    static final String SNAPSHOT_TYPE = "org.bridgeway.directory.organisation.snapshot.v1";

    private final String id;
    private final String name;
    private final List<String> referralEmails;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<PendingEvent> pendingEvents;

    Organisation(String id, String name, List<String> referralEmails, long version, Instant createdAt,
                 Instant updatedAt, List<PendingEvent> pendingEvents) {
        this.id = id;
        this.name = name;
        this.referralEmails = List.copyOf(referralEmails);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.pendingEvents = new ArrayList<>(pendingEvents);
    }

    public static Organisation register(String id, String name, List<String> referralEmails, Instant now) {
        Organisation organisation = new Organisation(id, name, referralEmails, 1, now, now, List.of());
        organisation.pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), SNAPSHOT_TYPE, 1, now, organisation.snapshot()));
        return organisation;
    }

    OrganisationSnapshot snapshot() {
        return new OrganisationSnapshot(id, version, name, referralEmails, updatedAt);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<String> referralEmails() {
        return referralEmails;
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
