package org.bridgeway.notification.notice;

import java.time.Instant;

/**
 * Something that happened, worded for the people it concerns: the event it came from, its kind,
 * the referral's id and reference (or the listing's), a sentence and a link path in the web
 * front end. Never resident data.
 */
public record Notice(String eventId, NoticeKind kind, String subjectId, String reference, String message, String link,
                     Instant occurredAt) {
}
