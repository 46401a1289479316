package org.bridgeway.directory.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bridgeway.directory.outbox.PendingEvent;

/**
 * A body that offers services: a charity, a CIC, a council team. Every change bumps the version
 * and registers a full snapshot for the compacted directory.organisations.v1 topic in the same
 * document.
 */
public class Organisation {

    static final String SNAPSHOT_TYPE = "org.bridgeway.directory.organisation.snapshot.v1";

    public enum Status { ACTIVE, WITHDRAWN }

    private final String id;
    private OrganisationDetails details;
    private Status status;
    private long version;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    private final List<PendingEvent> pendingEvents;

    Organisation(String id, OrganisationDetails details, Status status, long version, Instant createdAt, String createdBy,
                 Instant updatedAt, String updatedBy, List<PendingEvent> pendingEvents) {
        this.id = id;
        this.details = details;
        this.status = status;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    public static Organisation register(String id, OrganisationDetails details, String actor, Instant now) {
        Organisation organisation = new Organisation(id, details, Status.ACTIVE, 0, now, actor, now, actor, List.of());
        organisation.changed(actor, now);
        return organisation;
    }

    public void revise(OrganisationDetails newDetails, String actor, Instant now) {
        this.details = newDetails;
        changed(actor, now);
    }

    public void withdraw(String actor, Instant now) {
        this.status = Status.WITHDRAWN;
        changed(actor, now);
    }

    private void changed(String actor, Instant now) {
        version++;
        updatedAt = now;
        updatedBy = actor;
        pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), SNAPSHOT_TYPE, version, now, OrganisationView.of(this)));
    }

    public String id() {
        return id;
    }

    public String name() {
        return details.name();
    }

    public OrganisationDetails details() {
        return details;
    }

    public Status status() {
        return status;
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
