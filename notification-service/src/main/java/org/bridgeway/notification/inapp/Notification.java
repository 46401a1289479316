package org.bridgeway.notification.inapp;

import java.time.Instant;

/**
 * A message in someone's in-app list. {@code recipient} is {@code user:<sub>} for a person or
 * {@code org:<id>} for everyone who works an organisation's inbox. The id is derived from the
 * event and the recipient, so the same event can never notify the same recipient twice.
 * {@code referralId} is the referral (or listing) it is about, {@code link} where to see it.
 */
public record Notification(String id, String recipient, String eventId, String kind, String referralId,
                           String reference, String message, String link, Instant createdAt, boolean read) {
}
