package org.bridgeway.notification.inapp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bridgeway.notification.notice.Notice;
import org.springframework.stereotype.Component;

/** Puts notices in recipients' in-app lists, each once, and onto their open live streams on every instance. */
@Component
public class InAppNotices {

    /** A notice for one in-app recipient ({@code user:<sub>} or {@code org:<id>}). */
    public record ForRecipient(Notice notice, String recipient) {
    }

    private final Notifications notifications;
    private final LiveFanOut live;
    private final Clock clock;

    InAppNotices(Notifications notifications, LiveFanOut live, Clock clock) {
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
    }

    /** @return the notices written now; one a recipient has already (a redelivered event) is left out */
    public List<Notice> addAll(List<ForRecipient> wanted) {
        Instant now = clock.instant();
        Map<String, Notice> byId = new LinkedHashMap<>();
        List<Notification> toWrite = new ArrayList<>();
        for (ForRecipient w : wanted) {
            String id = UUID.nameUUIDFromBytes((w.notice().eventId() + "|" + w.recipient() + "|in-app").getBytes(StandardCharsets.UTF_8)).toString();
            if (byId.putIfAbsent(id, w.notice()) == null) {
                toWrite.add(new Notification(id, w.recipient(), w.notice().eventId(), w.notice().kind().name(), w.notice().subjectId(),
                        w.notice().reference(), w.notice().message(), w.notice().link(), now, false));
            }
        }
        List<Notification> written = notifications.addAll(toWrite);
        live.announce(written);
        return written.stream().map(notification -> byId.get(notification.id())).toList();
    }
}
