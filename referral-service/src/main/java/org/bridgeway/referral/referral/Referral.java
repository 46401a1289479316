package org.bridgeway.referral.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.bridgeway.referral.outbox.PendingEvent;

/**
 * A resident referred, with consent, to one service. The aggregate guards its life cycle and
 * who may move it; each change adds to its history and registers its event in the same document.
 */
public class Referral {

    private final String id;
    private final String reference;
    private final String serviceId;
    private final String serviceName;
    private final String organisationId;
    private final String category;
    private final Urgency urgency;
    private final String reason;
    private final Consent consent;
    private final Resident resident;
    private final String referrerUserId;
    private final String referrerOrganisationId;
    private final String idempotencyKey;
    private final Instant submittedAt;
    private ReferralStatus status;
    private long version;
    private Instant updatedAt;
    private final List<HistoryEntry> history;
    private final List<PendingEvent> pendingEvents;

    Referral(String id, String reference, String serviceId, String serviceName, String organisationId, String category,
             Urgency urgency, String reason, Consent consent, Resident resident, String referrerUserId,
             String referrerOrganisationId, String idempotencyKey, Instant submittedAt, ReferralStatus status,
             long version, Instant updatedAt, List<HistoryEntry> history, List<PendingEvent> pendingEvents) {
        this.id = id;
        this.reference = reference;
        this.serviceId = serviceId;
        this.serviceName = serviceName;
        this.organisationId = organisationId;
        this.category = category;
        this.urgency = urgency;
        this.reason = reason;
        this.consent = consent;
        this.resident = resident;
        this.referrerUserId = referrerUserId;
        this.referrerOrganisationId = referrerOrganisationId;
        this.idempotencyKey = idempotencyKey;
        this.submittedAt = submittedAt;
        this.status = status;
        this.version = version;
        this.updatedAt = updatedAt;
        this.history = new ArrayList<>(history);
        this.pendingEvents = new ArrayList<>(pendingEvents);
    }

    /** What a referrer asks for; checked against the directory before it becomes a referral. */
    public record Submission(String serviceId, String serviceName, String organisationId, String category, Urgency urgency,
                             String reason, Consent consent, Resident resident) {
    }

    public static Referral submit(String id, String reference, Submission s, Actor referrer, String idempotencyKey, Instant now) {
        if (referrer.role() != Actor.Role.REFERRER) {
            throw new ReferralRuleException("only a referrer may submit a referral");
        }
        Referral referral = new Referral(id, reference, s.serviceId(), s.serviceName(), s.organisationId(), s.category(),
                s.urgency(), s.reason(), s.consent(), s.resident(), referrer.userId(), referrer.organisationId(),
                idempotencyKey, now, ReferralStatus.SUBMITTED, 0, now, List.of(), List.of());
        referral.record(null, ReferralStatus.SUBMITTED, referrer, null, now);
        return referral;
    }

    /** The receiving organisation takes the referral on. */
    public void accept(Actor actor, Instant now) {
        requireReceivingOrganisation(actor, "accept");
        requireStatus(ReferralStatus.SUBMITTED, "accepted");
        record(status, ReferralStatus.ACCEPTED, actor, null, now);
    }

    /** Whether this person may see the referral at all (including the resident's details). */
    public boolean visibleTo(Actor actor) {
        return switch (actor.role()) {
            case REFERRER -> referrerUserId.equals(actor.userId());
            case PROVIDER -> organisationId.equals(actor.organisationId());
            case MANAGER, ADMIN -> false;
        };
    }

    private void requireReceivingOrganisation(Actor actor, String action) {
        if (actor.role() != Actor.Role.PROVIDER || !organisationId.equals(actor.organisationId())) {
            throw new NotReceivingOrganisationException("only the receiving organisation may " + action + " this referral");
        }
    }

    private void requireStatus(ReferralStatus expected, String past) {
        if (status != expected) {
            throw new ReferralRuleException("a referral that is " + status + " cannot be " + past);
        }
    }

    private void record(ReferralStatus from, ReferralStatus to, Actor actor, String reason, Instant now) {
        status = to;
        version++;
        updatedAt = now;
        history.add(new HistoryEntry(now, actor.userId(), actor.role(), actor.organisationId(), from, to, reason));
        ReferralEvent event = new ReferralEvent(id, reference, version, to, from, serviceId, organisationId, referrerUserId,
                referrerOrganisationId, category, urgency, now);
        pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), ReferralEvent.typeFor(to), version, now, event));
    }

    /** Thrown when someone outside the receiving organisation tries to act for it. */
    public static class NotReceivingOrganisationException extends RuntimeException {
        NotReceivingOrganisationException(String message) {
            super(message);
        }
    }

    public String id() { return id; }
    public String reference() { return reference; }
    public String serviceId() { return serviceId; }
    public String serviceName() { return serviceName; }
    public String organisationId() { return organisationId; }
    public String category() { return category; }
    public Urgency urgency() { return urgency; }
    public String reason() { return reason; }
    public Consent consent() { return consent; }
    public Resident resident() { return resident; }
    public String referrerUserId() { return referrerUserId; }
    public String referrerOrganisationId() { return referrerOrganisationId; }
    public Instant submittedAt() { return submittedAt; }
    public ReferralStatus status() { return status; }
    public long version() { return version; }
    public Instant updatedAt() { return updatedAt; }
    public List<HistoryEntry> history() { return List.copyOf(history); }
    List<PendingEvent> pendingEvents() { return List.copyOf(pendingEvents); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Referral other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
