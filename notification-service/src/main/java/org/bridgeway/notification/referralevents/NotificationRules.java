package org.bridgeway.notification.referralevents;

import java.util.List;
import java.util.Optional;

import org.bridgeway.notification.inapp.Recipients;

/**
 * Who hears what, in one place: a new referral goes to the receiving organisation; what the
 * organisation does with it goes back to the referrer.
 */
final class NotificationRules {

    record Notice(String recipient, String kind, String message) {
    }

    private NotificationRules() {
    }

    static List<Notice> noticesFor(String eventType, ReferralEvent e) {
        return switch (eventType) {
            case "org.bridgeway.referral.submitted.v1" -> List.of(new Notice(Recipients.organisation(e.organisationId()),
                    "REFERRAL_RECEIVED", ("URGENT".equals(e.urgency()) ? "New urgent referral " : "New referral ")
                            + e.reference() + " (" + e.category() + ") is waiting for your response."));
            case "org.bridgeway.referral.accepted.v1" -> List.of(new Notice(Recipients.user(e.referrerUserId()),
                    "REFERRAL_ACCEPTED", "Referral " + e.reference() + " was accepted."));
            default -> List.of();
        };
    }

    static Optional<String> knownVersion(String eventType) {
        return eventType.startsWith("org.bridgeway.referral.") && eventType.endsWith(".v1") ? Optional.of(eventType) : Optional.empty();
    }
}
