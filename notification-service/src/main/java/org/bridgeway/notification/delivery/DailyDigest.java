package org.bridgeway.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bridgeway.notification.delivery.Delivery.Status;
import org.bridgeway.notification.notice.Notice;
import org.bridgeway.notification.notice.NoticeKind;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day (07:00 London time by default) each person who chose a digest gets one email with
 * everything held for them since the last. The digest's id comes from the deliveries it gathers,
 * so a run cut short and run again sends it once.
 */
@Component
class DailyDigest {

    private final Deliveries deliveries;
    private final Clock clock;

    DailyDigest(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Scheduled(cron = "${bridgeway.notification.digest.cron:0 0 7 * * *}", zone = "Europe/London")
    void gather() {
        for (Map.Entry<String, List<String>> held : deliveries.heldForDigest().entrySet()) {
            List<Delivery> gathered = deliveries.findAll(held.getValue()).stream()
                    .sorted(Comparator.comparing(Delivery::createdAt)).toList();
            if (gathered.isEmpty()) {
                continue;
            }
            Delivery last = gathered.getLast();
            List<Notice> notices = gathered.stream().map(Delivery::notice).toList();
            String eventId = "digest-" + UUID.nameUUIDFromBytes(String.join(",", held.getValue().stream().sorted().toList())
                    .getBytes(StandardCharsets.UTF_8));
            Notice digest = new Notice(eventId, NoticeKind.DAILY_DIGEST, null, "digest", notices.size() + " updates",
                    "/notifications", clock.instant());
            Delivery email = new Delivery(Delivery.idOf(eventId, last.recipient(), Channel.EMAIL, last.address()), Channel.EMAIL,
                    last.recipient(), last.address(), digest, notices, Status.PENDING, 0, null, clock.instant(), null);
            deliveries.createAll(List.of(email), clock.instant());
            deliveries.gatheredInDigest(held.getValue());
        }
    }
}
