package org.bridgeway.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bridgeway.notification.notice.Notice;

/**
 * One notice on one channel to one address: the record that makes each effect happen once. Its
 * id is derived from (event, recipient, channel, address), so a redelivered or replayed event
 * finds its delivery written already and sends nothing. A daily digest is a delivery of its own
 * whose {@code digest} lists the notices it gathers.
 */
public record Delivery(String id, Channel channel, String recipient, String address, Notice notice, List<Notice> digest,
                       Status status, int attempts, String lastError, Instant createdAt, Instant sentAt) {

    public enum Status {
        /** waiting to be sent, or to be tried again */
        PENDING,
        SENT,
        /** given up on, with the reason in lastError and on the dead-letter topic */
        PARKED,
        /** an email its recipient wants in the daily digest */
        HELD_FOR_DIGEST,
        /** gone out in a digest */
        IN_DIGEST
    }

    static String idOf(String eventId, String recipient, Channel channel, String address) {
        return UUID.nameUUIDFromBytes((eventId + "|" + recipient + "|" + channel + "|" + address).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Delivery of(Notice notice, String recipient, Channel channel, String address, Status status, Instant now) {
        return new Delivery(idOf(notice.eventId(), recipient, channel, address), channel, recipient, address, notice, List.of(),
                status, 0, null, now, null);
    }
}
