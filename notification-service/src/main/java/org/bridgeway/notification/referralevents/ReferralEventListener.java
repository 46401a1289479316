package org.bridgeway.notification.referralevents;

import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.notification.delivery.Dispatcher;
import org.bridgeway.notification.messaging.EventBodies;
import org.bridgeway.notification.messaging.UnreadableEventException;
import org.bridgeway.notification.notice.Addressed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns referral events into notices for the parties they concern, a poll's worth at a time so
 * that a busy hour costs a few writes per batch rather than several per event.
 */
@Component
class ReferralEventListener {

    private final Dispatcher dispatcher;
    private final JsonMapper json;

    ReferralEventListener(Dispatcher dispatcher, JsonMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /**
     * An event that cannot be read ends the batch there: what came before it is notified, and the
     * error handler parks it and goes on with the rest.
     */
    @KafkaListener(topics = "referral.events.v1", batch = "true")
    void onReferralEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<Addressed> notices = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                notices.addAll(noticesFor(records.get(i)));
            } catch (RuntimeException unreadable) {
                dispatcher.dispatch(notices);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
        }
        dispatcher.dispatch(notices);
    }

    private List<Addressed> noticesFor(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        String type = NotificationRules.knownVersion(event.getType())
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + event.getType()));
        return NotificationRules.noticesFor(event.getId(), type, EventBodies.read(json, event, ReferralEvent.class));
    }
}
