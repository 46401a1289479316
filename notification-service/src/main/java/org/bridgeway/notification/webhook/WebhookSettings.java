package org.bridgeway.notification.webhook;

import java.time.Instant;

/**
 * An organisation's webhook as this service runs it: the URL from the directory, the secret its
 * calls are signed with, and whether it is switched on (with why not, when it was switched off
 * after repeated failure).
 */
public record WebhookSettings(String id, String url, String secret, boolean enabled, Instant switchedOffAt,
                              String switchedOffReason) {
}
