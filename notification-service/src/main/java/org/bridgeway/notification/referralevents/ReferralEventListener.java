package org.bridgeway.notification.referralevents;

import java.time.Clock;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.notification.inapp.Notification;
import org.bridgeway.notification.inapp.Notifications;
import org.bridgeway.notification.messaging.UnreadableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns referral events into in-app notifications, once per event and recipient. */
@Component
class ReferralEventListener {

    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    ReferralEventListener(Notifications notifications, JsonMapper json, Clock clock) {
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(topics = "referral.events.v1")
    void onReferralEvent(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        String type = NotificationRules.knownVersion(event.getType())
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + event.getType()));
        ReferralEvent body;
        try {
            body = json.readValue(event.getData().toBytes(), ReferralEvent.class);
        } catch (JacksonException | NullPointerException e) {
            throw new UnreadableEventException("unreadable " + type + " " + event.getId());
        }
        for (NotificationRules.Notice notice : NotificationRules.noticesFor(type, body)) {
            String id = UUID.nameUUIDFromBytes((event.getId() + "|" + notice.recipient() + "|in-app").getBytes()).toString();
            notifications.add(new Notification(id, notice.recipient(), event.getId(), notice.kind(), body.referralId(),
                    body.reference(), notice.message(), clock.instant(), false));
        }
    }
}
