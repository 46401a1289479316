package org.bridgeway.notification.inapp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.bridgeway.notification.notice.Notice;
import org.springframework.stereotype.Component;

/** Puts a notice in a recipient's in-app list, once, and onto their open live streams. */
@Component
public class InAppNotices {

    private final Notifications notifications;
    private final LiveNotifications live;
    private final Clock clock;

    InAppNotices(Notifications notifications, LiveNotifications live, Clock clock) {
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
    }

    /** @return false when this recipient has this notice already (a redelivered event) */
    public boolean add(Notice notice, String recipient) {
        String id = UUID.nameUUIDFromBytes((notice.eventId() + "|" + recipient + "|in-app").getBytes(StandardCharsets.UTF_8)).toString();
        Notification notification = new Notification(id, recipient, notice.eventId(), notice.kind().name(), notice.subjectId(),
                notice.reference(), notice.message(), notice.link(), clock.instant(), false);
        if (!notifications.add(notification)) {
            return false;
        }
        live.publish(notification);
        return true;
    }
}
