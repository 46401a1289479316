package org.bridgeway.referral.outbox;

/** A collection whose documents carry {@code pendingEvents}, and the topic they go to. */
public record OutboxSource(String collection, String topic) {
}
