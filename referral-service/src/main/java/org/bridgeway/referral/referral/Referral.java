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
    private final PrivateText reason;
    private final Consent consent;
    private final Resident resident;
    private final String referrerUserId;
    private final String referrerOrganisationId;
    private final String idempotencyKey;
    private final Instant submittedAt;
    private final Instant responseDueAt;
    private final Instant expiresAt;
    private ReferralStatus status;
    private boolean overdue;
    private long version;
    private Instant updatedAt;
    private final List<HistoryEntry> history;
    private final List<PendingEvent> pendingEvents;

    Referral(String id, String reference, String serviceId, String serviceName, String organisationId, String category,
             Urgency urgency, PrivateText reason, Consent consent, Resident resident, String referrerUserId,
             String referrerOrganisationId, String idempotencyKey, Instant submittedAt, Instant responseDueAt,
             Instant expiresAt, ReferralStatus status, boolean overdue, long version, Instant updatedAt,
             List<HistoryEntry> history, List<PendingEvent> pendingEvents) {
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
        this.responseDueAt = responseDueAt;
        this.expiresAt = expiresAt;
        this.status = status;
        this.overdue = overdue;
        this.version = version;
        this.updatedAt = updatedAt;
        this.history = new ArrayList<>(history);
        this.pendingEvents = new ArrayList<>(pendingEvents);
    }

    /** What a referrer asks for; checked against the directory before it becomes a referral. */
    public record Submission(String serviceId, String serviceName, String organisationId, String category, Urgency urgency,
                             String reason, Consent consent, Resident resident) {
    }

    public static Referral submit(String id, String reference, Submission s, Actor referrer, String idempotencyKey,
                                  ResponseTimes times, Instant now) {
        if (referrer.role() != Actor.Role.REFERRER) {
            throw new ReferralRuleException("only a referrer may submit a referral");
        }
        Referral referral = new Referral(id, reference, s.serviceId(), s.serviceName(), s.organisationId(), s.category(),
                s.urgency(), PrivateText.of(s.reason()), s.consent(), s.resident(), referrer.userId(), referrer.organisationId(),
                idempotencyKey, now, times.dueFrom(now), times.expiryFrom(now), null, false, 0, now, List.of(), List.of());
        referral.change(Change.SUBMITTED, ReferralStatus.SUBMITTED, referrer, null, null, null, now);
        return referral;
    }

    /** The receiving organisation takes the referral on. */
    public void accept(Actor actor, Instant now) {
        requireReceivingOrganisation(actor, "accept");
        requireStatus("accepted", ReferralStatus.SUBMITTED);
        change(Change.ACCEPTED, ReferralStatus.ACCEPTED, actor, null, null, null, now);
    }

    /** The receiving organisation turns the referral down, always with a reason. */
    public void decline(Actor actor, DeclineReason reason, String note, Instant now) {
        requireReceivingOrganisation(actor, "decline");
        requireStatus("declined", ReferralStatus.SUBMITTED);
        if (reason == null) {
            throw new ReferralRuleException("a referral is declined with a reason");
        }
        change(Change.DECLINED, ReferralStatus.DECLINED, actor, reason.name(), null, note, now);
    }

    /** Work with the resident begins. */
    public void start(Actor actor, String note, Instant now) {
        requireReceivingOrganisation(actor, "start");
        requireStatus("started", ReferralStatus.ACCEPTED);
        change(Change.STARTED, ReferralStatus.IN_PROGRESS, actor, null, null, note, now);
    }

    /** Work pauses, for example while the resident does not respond. */
    public void putOnHold(Actor actor, String note, Instant now) {
        requireReceivingOrganisation(actor, "put on hold");
        requireStatus("put on hold", ReferralStatus.IN_PROGRESS);
        change(Change.PUT_ON_HOLD, ReferralStatus.ON_HOLD, actor, null, null, note, now);
    }

    public void resume(Actor actor, String note, Instant now) {
        requireReceivingOrganisation(actor, "resume");
        requireStatus("resumed", ReferralStatus.ON_HOLD);
        change(Change.RESUMED, ReferralStatus.IN_PROGRESS, actor, null, null, note, now);
    }

    /** The receiving organisation closes the referral, always with an outcome. */
    public void complete(Actor actor, Outcome outcome, String note, Instant now) {
        requireReceivingOrganisation(actor, "complete");
        requireStatus("completed", ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);
        if (outcome == null) {
            throw new ReferralRuleException("a referral is completed with an outcome");
        }
        change(Change.COMPLETED, ReferralStatus.COMPLETED, actor, null, outcome, note, now);
    }

    /** The referrer who sent it withdraws an open referral, with a reason. */
    public void cancel(Actor actor, CancelReason reason, String note, Instant now) {
        if (actor.role() != Actor.Role.REFERRER || !referrerUserId.equals(actor.userId())) {
            throw new NotReceivingOrganisationException("only the referrer who sent it may cancel this referral");
        }
        requireStatus("cancelled", ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);
        if (reason == null) {
            throw new ReferralRuleException("a referral is cancelled with a reason");
        }
        change(Change.CANCELLED, ReferralStatus.CANCELLED, actor, reason.name(), null, note, now);
    }

    /** Once, when the response-due time passes with no answer. */
    public boolean markOverdue(Instant now) {
        if (status != ReferralStatus.SUBMITTED || overdue || now.isBefore(responseDueAt)) {
            return false;
        }
        overdue = true;
        change(Change.OVERDUE, ReferralStatus.SUBMITTED, Actor.SYSTEM, null, null, null, now);
        return true;
    }

    /** At the expiry time a referral nobody answered expires. */
    public boolean expire(Instant now) {
        if (status != ReferralStatus.SUBMITTED || now.isBefore(expiresAt)) {
            return false;
        }
        change(Change.EXPIRED, ReferralStatus.EXPIRED, Actor.SYSTEM, null, null, null, now);
        return true;
    }

    /** Whether this person may see the referral at all (including the resident's details). */
    public boolean visibleTo(Actor actor) {
        return switch (actor.role()) {
            case REFERRER -> referrerUserId.equals(actor.userId())
                    || actor.organisationId() != null && actor.organisationId().equals(referrerOrganisationId);
            case PROVIDER -> organisationId.equals(actor.organisationId());
            case MANAGER, ADMIN, SYSTEM -> false;
        };
    }

    private void requireReceivingOrganisation(Actor actor, String action) {
        if (actor.role() != Actor.Role.PROVIDER || !organisationId.equals(actor.organisationId())) {
            throw new NotReceivingOrganisationException("only the receiving organisation may " + action + " this referral");
        }
    }

    private void requireStatus(String past, ReferralStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new ReferralRuleException("a referral that is " + status + " cannot be " + past);
        }
    }

    private void change(Change change, ReferralStatus to, Actor actor, String reasonCode, Outcome outcome, String note, Instant now) {
        ReferralStatus from = status;
        status = to;
        version++;
        updatedAt = now;
        history.add(new HistoryEntry(now, change, actor.userId(), actor.role(), actor.organisationId(), from, to, reasonCode, outcome,
                PrivateText.of(note)));
        ReferralEvent event = new ReferralEvent(id, reference, version, to, from, serviceId, organisationId, referrerUserId,
                referrerOrganisationId, category, urgency, reasonCode, outcome, now);
        pendingEvents.add(new PendingEvent(UUID.randomUUID().toString(), change.eventType(), version, now, event));
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
    public PrivateText reason() { return reason; }
    public Consent consent() { return consent; }
    public Resident resident() { return resident; }
    public String referrerUserId() { return referrerUserId; }
    public String referrerOrganisationId() { return referrerOrganisationId; }
    public Instant submittedAt() { return submittedAt; }
    public Instant responseDueAt() { return responseDueAt; }
    public Instant expiresAt() { return expiresAt; }
    public boolean overdue() { return overdue; }
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
