package org.bridgeway.notification.referralevents;

import static org.bridgeway.notification.notice.NoticeKind.*;

import java.util.List;
import java.util.Optional;

import org.bridgeway.notification.notice.Addressed;
import org.bridgeway.notification.notice.Notice;
import org.bridgeway.notification.notice.NoticeKind;
import org.bridgeway.notification.notice.Party;

/**
 * Who hears what about a referral, in one place: a new referral goes to the receiving
 * organisation; what the organisation does with it goes back to the referrer; a cancellation goes
 * to the organisation; a referral left unanswered reminds the organisation when overdue and, when
 * it expires, tells the organisation and escalates to the referrer; a message goes to the side
 * that did not write it. Which channels carry it is the dispatcher's business.
 */
final class NotificationRules {

    private static final String PREFIX = "org.bridgeway.referral.";

    private NotificationRules() {
    }

    static List<Addressed> noticesFor(String eventId, String eventType, ReferralEvent e) {
        Party organisation = Party.organisation(e.organisationId());
        Party referrer = Party.user(e.referrerUserId());
        String ref = e.reference();
        Rule rule = new Rule(eventId, e);
        return switch (eventType.substring(PREFIX.length(), eventType.length() - ".v1".length())) {
            case "submitted" -> rule.tell(organisation, REFERRAL_RECEIVED,
                    ("URGENT".equals(e.urgency()) ? "New urgent referral " : "New referral ") + ref + " (" + e.category()
                            + ") is waiting for your response.");
            case "accepted" -> rule.tell(referrer, REFERRAL_ACCEPTED, "Referral " + ref + " was accepted.");
            case "declined" -> rule.tell(referrer, REFERRAL_DECLINED, "Referral " + ref + " was declined (" + readable(e.reasonCode()) + ").");
            case "started" -> rule.tell(referrer, REFERRAL_STARTED, "Work on referral " + ref + " has started.");
            case "put-on-hold" -> rule.tell(referrer, REFERRAL_ON_HOLD, "Referral " + ref + " is on hold.");
            case "resumed" -> rule.tell(referrer, REFERRAL_RESUMED, "Work on referral " + ref + " has resumed.");
            case "completed" -> rule.tell(referrer, REFERRAL_COMPLETED, "Referral " + ref + " was completed: " + readable(e.outcome()) + ".");
            case "cancelled" -> rule.tell(organisation, REFERRAL_CANCELLED,
                    "Referral " + ref + " was cancelled by the referrer (" + readable(e.reasonCode()) + ").");
            case "overdue" -> rule.tell(organisation, REFERRAL_OVERDUE, "Referral " + ref + " is overdue: please accept or decline it.");
            case "expired" -> List.of(
                    rule.notice(organisation, REFERRAL_EXPIRED, "Referral " + ref + " expired without a response."),
                    rule.notice(referrer, REFERRAL_EXPIRED, "Referral " + ref + " expired without a response; you may refer elsewhere."));
            // The receiving organisation wrote: tell the referrer; anyone else wrote: tell the organisation.
            case "message-posted" -> rule.tell(
                    e.organisationId().equals(e.actorOrganisationId()) && "PROVIDER".equals(e.actorRole()) ? referrer : organisation,
                    REFERRAL_MESSAGE, "New message on referral " + ref + ".");
            default -> List.of();
        };
    }

    /** Referral events of version 1; anything else is parked, not guessed at. */
    static Optional<String> knownVersion(String eventType) {
        return eventType != null && eventType.startsWith(PREFIX) && eventType.endsWith(".v1") ? Optional.of(eventType) : Optional.empty();
    }

    private record Rule(String eventId, ReferralEvent e) {

        List<Addressed> tell(Party to, NoticeKind kind, String message) {
            return List.of(notice(to, kind, message));
        }

        Addressed notice(Party to, NoticeKind kind, String message) {
            return new Addressed(to, new Notice(eventId, kind, e.referralId(), e.reference(), message,
                    "/referrals/" + e.referralId(), e.occurredAt()));
        }
    }

    private static String readable(String code) {
        return code == null ? "no reason given" : code.toLowerCase().replace('_', ' ');
    }
}
