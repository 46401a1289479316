package org.bridgeway.notification.referralevents;

import java.util.List;
import java.util.Optional;

import org.bridgeway.notification.inapp.Recipients;

/**
 * Who hears what, in one place: a new referral goes to the receiving organisation; what the
 * organisation does with it goes back to the referrer; a cancellation goes to the organisation;
 * a referral left unanswered reminds the organisation when overdue and tells both sides when it
 * expires; a message goes to the side that did not write it.
 */
final class NotificationRules {

    private static final String PREFIX = "org.bridgeway.referral.";

    record Notice(String recipient, String kind, String message) {
    }

    private NotificationRules() {
    }

    static List<Notice> noticesFor(String eventType, ReferralEvent e) {
        String organisation = Recipients.organisation(e.organisationId());
        String referrer = Recipients.user(e.referrerUserId());
        String ref = e.reference();
        return switch (eventType.substring(PREFIX.length(), eventType.length() - ".v1".length())) {
            case "submitted" -> List.of(new Notice(organisation, "REFERRAL_RECEIVED",
                    ("URGENT".equals(e.urgency()) ? "New urgent referral " : "New referral ") + ref + " (" + e.category()
                            + ") is waiting for your response."));
            case "accepted" -> List.of(new Notice(referrer, "REFERRAL_ACCEPTED", "Referral " + ref + " was accepted."));
            case "declined" -> List.of(new Notice(referrer, "REFERRAL_DECLINED",
                    "Referral " + ref + " was declined (" + readable(e.reasonCode()) + ")."));
            case "started" -> List.of(new Notice(referrer, "REFERRAL_STARTED", "Work on referral " + ref + " has started."));
            case "put-on-hold" -> List.of(new Notice(referrer, "REFERRAL_ON_HOLD", "Referral " + ref + " is on hold."));
            case "resumed" -> List.of(new Notice(referrer, "REFERRAL_RESUMED", "Work on referral " + ref + " has resumed."));
            case "completed" -> List.of(new Notice(referrer, "REFERRAL_COMPLETED",
                    "Referral " + ref + " was completed: " + readable(e.outcome()) + "."));
            case "cancelled" -> List.of(new Notice(organisation, "REFERRAL_CANCELLED",
                    "Referral " + ref + " was cancelled by the referrer (" + readable(e.reasonCode()) + ")."));
            case "overdue" -> List.of(new Notice(organisation, "REFERRAL_OVERDUE",
                    "Referral " + ref + " is overdue: please accept or decline it."));
            case "expired" -> List.of(
                    new Notice(organisation, "REFERRAL_EXPIRED", "Referral " + ref + " expired without a response."),
                    new Notice(referrer, "REFERRAL_EXPIRED", "Referral " + ref + " expired without a response; you may refer elsewhere."));
            // The receiving organisation wrote: tell the referrer; anyone else wrote: tell the organisation.
            case "message-posted" -> List.of(new Notice(
                    e.organisationId().equals(e.actorOrganisationId()) && "PROVIDER".equals(e.actorRole()) ? referrer : organisation,
                    "REFERRAL_MESSAGE", "New message on referral " + ref + "."));
            default -> List.of();
        };
    }

    /** Referral events of version 1; anything else is parked, not guessed at. */
    static Optional<String> knownVersion(String eventType) {
        return eventType != null && eventType.startsWith(PREFIX) && eventType.endsWith(".v1") ? Optional.of(eventType) : Optional.empty();
    }

    private static String readable(String code) {
        return code == null ? "no reason given" : code.toLowerCase().replace('_', ' ');
    }
}
