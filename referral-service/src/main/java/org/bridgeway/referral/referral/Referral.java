package org.bridgeway.referral.referral;

import java.time.Duration;
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
    private PrivateText reason;
    private Consent consent;
    private Resident resident;
    private PrivateText householdContext;
    private final boolean safeguardingConcern;
    private final String referrerUserId;
    private final String referrerOrganisationId;
    private final String idempotencyKey;
    /** A hash of the submitted request, so a reused Idempotency-Key with a different request is caught. */
    private final String requestFingerprint;
    private final String parentReferralId;
    /** A keyed hash of the resident's name and date of birth, to find their earlier referrals. */
    private String residentKey;
    /** The area code the resident's postcode district mostly lies in; what events and reports carry instead of it. */
    private final String residentArea;
    private final Coverage coverage;
    private final Instant submittedAt;
    private final Instant responseDueAt;
    private final Instant expiresAt;
    private ReferralStatus status;
    private boolean overdue;
    private long version;
    private Instant updatedAt;
    private final List<HistoryEntry> history;
    private final List<Message> messages;
    private Instant anonymisedAt;
    private final List<PendingEvent> pendingEvents;

    Referral(String id, String reference, String serviceId, String serviceName, String organisationId, String category,
             Urgency urgency, PrivateText reason, Consent consent, Resident resident, PrivateText householdContext,
             boolean safeguardingConcern, String referrerUserId,
             String referrerOrganisationId, String idempotencyKey, String requestFingerprint, String parentReferralId,
             String residentKey, String residentArea, Coverage coverage, Instant submittedAt,
             Instant responseDueAt, Instant expiresAt, ReferralStatus status, boolean overdue, long version, Instant updatedAt,
             List<HistoryEntry> history, List<Message> messages, Instant anonymisedAt, List<PendingEvent> pendingEvents) {
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
        this.householdContext = householdContext;
        this.safeguardingConcern = safeguardingConcern;
        this.referrerUserId = referrerUserId;
        this.referrerOrganisationId = referrerOrganisationId;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.parentReferralId = parentReferralId;
        this.residentKey = residentKey;
        this.residentArea = residentArea;
        this.coverage = coverage;
        this.submittedAt = submittedAt;
        this.responseDueAt = responseDueAt;
        this.expiresAt = expiresAt;
        this.status = status;
        this.overdue = overdue;
        this.version = version;
        this.updatedAt = updatedAt;
        this.history = new ArrayList<>(history);
        this.messages = new ArrayList<>(messages == null ? List.of() : messages);
        this.anonymisedAt = anonymisedAt;
        this.pendingEvents = new ArrayList<>(pendingEvents);
    }

    /** What a referrer asks for; checked against the directory before it becomes a referral. */
    public record Submission(String serviceId, String serviceName, String organisationId, String category, Urgency urgency,
                             String reason, Consent consent, Resident resident, String residentKey, String residentArea,
                             Coverage coverage, String householdContext, boolean safeguardingConcern) {
        @Override
        public String toString() {
            return "Submission[serviceId=" + serviceId + ", category=" + category + ", personal data withheld]";
        }
    }

    public static Referral submit(String id, String reference, Submission s, Actor referrer, IdempotencyKey idempotencyKey,
                                  ResponseTimes times, Instant now) {
        if (referrer.role() != Actor.Role.REFERRER) {
            throw new ReferralRuleException("only a referrer may submit a referral");
        }
        return create(id, reference, s, referrer, idempotencyKey == null ? IdempotencyKey.NONE : idempotencyKey, null, times, now);
    }

    /**
     * A new referral for the same resident to another service, made from this one by either side,
     * so the resident tells their story once. Their consent to it is confirmed anew.
     */
    public Referral referOnward(String id, String reference, Submission s, Actor actor, IdempotencyKey idempotencyKey,
                                ResponseTimes times, Instant now) {
        boolean referringSide = actor.role() == Actor.Role.REFERRER && visibleTo(actor);
        boolean receivingSide = actor.role() == Actor.Role.PROVIDER && organisationId.equals(actor.organisationId());
        if (!referringSide && !receivingSide) {
            throw new NotReceivingOrganisationException("only the referring or the receiving organisation may refer onward");
        }
        requireStatus("referred on from", ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD,
                ReferralStatus.COMPLETED, ReferralStatus.SUBMITTED);
        Submission sameResident = new Submission(s.serviceId(), s.serviceName(), s.organisationId(), s.category(), s.urgency(),
                s.reason(), s.consent(), resident, residentKey, s.residentArea(), s.coverage(),
                householdContext == null ? null : householdContext.text(), safeguardingConcern);
        return create(id, reference, sameResident, actor, idempotencyKey == null ? IdempotencyKey.NONE : idempotencyKey, this.id, times, now);
    }

    private static Referral create(String id, String reference, Submission s, Actor by, IdempotencyKey idempotencyKey,
                                   String parentReferralId, ResponseTimes times, Instant now) {
        Referral referral = new Referral(id, reference, s.serviceId(), s.serviceName(), s.organisationId(), s.category(),
                s.urgency(), PrivateText.of(s.reason()), s.consent(), s.resident(), PrivateText.of(s.householdContext()),
                s.safeguardingConcern(), by.userId(), by.organisationId(),
                idempotencyKey.key(), idempotencyKey.fingerprint(), parentReferralId, s.residentKey(), s.residentArea(), s.coverage(),
                now, times.dueFrom(now), times.expiryFrom(now), null, false, 0, now,
                List.of(), List.of(), null, List.of());
        referral.change(Change.SUBMITTED, ReferralStatus.SUBMITTED, by, null, null, null, now);
        return referral;
    }

    /** Either side writes on the thread, whatever the status; the other side is told. */
    public Message postMessage(String messageId, Actor author, String text, Instant now) {
        boolean onTheReferral = author.role() == Actor.Role.REFERRER || author.role() == Actor.Role.PROVIDER;
        if (!onTheReferral || !visibleTo(author)) {
            throw new NotReceivingOrganisationException("only the referring and the receiving organisation write on the thread");
        }
        PrivateText body = PrivateText.of(text);
        if (body == null) {
            throw new ReferralRuleException("a message has text");
        }
        Message message = new Message(messageId, now, author.userId(), author.role(), author.organisationId(), body);
        messages.add(message);
        change(Change.MESSAGE_POSTED, status, author, null, null, null, now);
        return message;
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
        if (!referrerUserId.equals(actor.userId())) {
            throw new NotReceivingOrganisationException("only the person who sent it may cancel this referral");
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

    /**
     * Once a closed referral is older than the retention period, everything that could identify
     * the resident goes: details, free text, notes and messages. Status, codes, times and links
     * stay, so reports still count it.
     *
     * @return false when it is still open, too recent, or already anonymised
     */
    public boolean anonymise(Instant now, Duration retention) {
        if (anonymisedAt != null || !CLOSED.contains(status) || updatedAt.plus(retention).isAfter(now)) {
            return false;
        }
        resident = null;
        reason = null;
        householdContext = null;
        residentKey = null;
        consent = consent == null ? null : new Consent(consent.basis(), consent.method(), consent.recordedAt(), consent.recordedBy(), null);
        history.replaceAll(h -> new HistoryEntry(h.at(), h.change(), h.userId(), h.role(), h.organisationId(), h.from(), h.to(),
                h.reasonCode(), h.outcome(), null));
        messages.clear();
        anonymisedAt = now;
        version++;
        updatedAt = now;
        return true;
    }

    private static final List<ReferralStatus> CLOSED = List.of(ReferralStatus.COMPLETED, ReferralStatus.DECLINED,
            ReferralStatus.CANCELLED, ReferralStatus.EXPIRED);

    /**
     * Whether this person may see the referral at all (including the resident's details): the
     * referring person and organisation, and the receiving organisation.
     */
    public boolean visibleTo(Actor actor) {
        return switch (actor.role()) {
            case REFERRER, PROVIDER -> referrerUserId.equals(actor.userId())
                    || actor.organisationId() != null && (actor.organisationId().equals(referrerOrganisationId)
                    || actor.role() == Actor.Role.PROVIDER && actor.organisationId().equals(organisationId));
            case MANAGER, ADMIN, SYSTEM -> false;
        };
    }

    /** The person who referred, or a referrer of the same organisation. */
    public boolean onReferringSide(Actor actor) {
        return referrerUserId.equals(actor.userId()) || actor.role() == Actor.Role.REFERRER && actor.organisationId() != null
                && actor.organisationId().equals(referrerOrganisationId);
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
        if (change != Change.MESSAGE_POSTED) {
            history.add(new HistoryEntry(now, change, actor.userId(), actor.role(), actor.organisationId(), from, to, reasonCode,
                    outcome, PrivateText.of(note)));
        }
        ReferralEvent event = new ReferralEvent(id, reference, version, to, from, serviceId, organisationId, referrerUserId,
                referrerOrganisationId, category, urgency, residentArea, reasonCode, outcome, actor.role(), actor.organisationId(),
                parentReferralId, now);
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
    public PrivateText householdContext() { return householdContext; }
    public String residentArea() { return residentArea; }
    public Coverage coverage() { return coverage; }
    public boolean safeguardingConcern() { return safeguardingConcern; }
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
    public List<Message> messages() { return List.copyOf(messages); }
    public String parentReferralId() { return parentReferralId; }
    public String requestFingerprint() { return requestFingerprint; }
    public Instant anonymisedAt() { return anonymisedAt; }
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
