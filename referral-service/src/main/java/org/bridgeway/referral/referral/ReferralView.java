package org.bridgeway.referral.referral;

import java.time.Instant;
import java.util.List;

/** A referral in full, resident details included, for the referrer's and the receiving organisation's eyes. */
public record ReferralView(String id, String reference, ReferralStatus status, String serviceId, String serviceName,
                           String organisationId, String category, Urgency urgency, String reason, ConsentView consent,
                           Resident resident, String residentArea, Coverage coverage, String householdContext, boolean safeguardingConcern,
                           ReferralSummary.Referrer referrer, String parentReferralId,
                           List<ReferralSummary> onwardReferrals, Instant submittedAt, Instant responseDueAt,
                           Instant expiresAt, boolean overdue, Instant updatedAt, long version) {

    /** @param onward the referrals made onward from this one, linked back by their parentReferralId */
    public static ReferralView of(Referral r, List<Referral> onward) {
        return new ReferralView(r.id(), r.reference(), r.status(), r.serviceId(), r.serviceName(), r.organisationId(),
                r.category(), r.urgency(), text(r.reason()), ConsentView.of(r.consent()), r.resident(),
                r.residentArea(), r.coverage(), text(r.householdContext()), r.safeguardingConcern(),
                new ReferralSummary.Referrer(r.referrerUserId(), r.referrerOrganisationId()), r.parentReferralId(),
                onward.stream().map(ReferralSummary::of).toList(), r.submittedAt(), r.responseDueAt(),
                r.expiresAt(), r.overdue(), r.updatedAt(), r.version());
    }

    public record ConsentView(Consent.Basis basis, Consent.Method method, Instant recordedAt, String recordedBy, String explanation) {
        static ConsentView of(Consent c) {
            return c == null ? null : new ConsentView(c.basis(), c.method(), c.recordedAt(), c.recordedBy(), text(c.explanation()));
        }
    }

    private static String text(PrivateText text) {
        return text == null ? null : text.text();
    }

    /** One step of the history as shown to the people on the referral. */
    public record Step(Instant at, Change change, String userId, Actor.Role role, String organisationId, ReferralStatus from,
                       ReferralStatus to, String reasonCode, Outcome outcome, String note) {

        public static List<Step> of(Referral r) {
            return r.history().stream().map(h -> new Step(h.at(), h.change(), h.userId(), h.role(), h.organisationId(), h.from(),
                    h.to(), h.reasonCode(), h.outcome(), h.note() == null ? null : h.note().text())).toList();
        }
    }
}
