package org.bridgeway.directory.outbox;

import java.time.Instant;

/**
 * An event written in the same document as the change that raised it, waiting to be published.
 *
 * @param eventId  the CloudEvents id; consumers drop a second delivery of the same id
 * @param type     the stable, versioned CloudEvents type, never a class name
 * @param sequence the aggregate's version after the change, so consumers can drop stale snapshots
 * @param data     the message body: ids and public directory facts only
 */
public record PendingEvent(String eventId, String type, long sequence, Instant occurredAt, Object data) {
}
