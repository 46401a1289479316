package org.bridgeway.notification.inapp;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bridgeway.notification.notice.Party;
import org.bridgeway.notification.security.Caller;
import org.bridgeway.notification.web.NotFoundException;
import org.bridgeway.notification.web.PageView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's own notifications and those of the organisation they work for. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    record NotificationList(List<Notification> items, PageView.Page page, long unreadCount) {
    }

    record MarkedRead(long marked) {
    }

    private final Notifications notifications;
    private final LiveNotifications live;

    NotificationController(Notifications notifications, LiveNotifications live) {
        this.notifications = notifications;
        this.live = live;
    }

    @GetMapping
    NotificationList list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                          @AuthenticationPrincipal Jwt jwt) {
        List<String> recipients = recipients(Caller.of(jwt));
        PageView<Notification> found = notifications.page(recipients, page, size);
        return new NotificationList(found.items(), found.page(), notifications.unread(recipients));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        if (!notifications.markRead(id, recipients(Caller.of(jwt)))) {
            throw new NotFoundException("notification", id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    MarkedRead markAllRead(@AuthenticationPrincipal Jwt jwt) {
        return new MarkedRead(notifications.markAllRead(recipients(Caller.of(jwt))));
    }

    /** New notifications as they are written, as Server-Sent Events named {@code notification}. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt) {
        return live.open(recipients(Caller.of(jwt)));
    }

    private static List<String> recipients(Caller caller) {
        List<String> recipients = new ArrayList<>(List.of(Party.user(caller.userId()).recipient()));
        if (caller.roles().contains("PROVIDER") && caller.organisationId() != null) {
            recipients.add(Party.organisation(caller.organisationId()).recipient());
        }
        return recipients;
    }
}
