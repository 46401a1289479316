package org.bridgeway.notification.referralevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bridgeway.notification.delivery.Dispatcher;
import org.bridgeway.notification.messaging.EventBodies;
import org.bridgeway.notification.messaging.UnreadableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns referral events into notices for the parties they concern. */
@Component
class ReferralEventListener {

    private final Dispatcher dispatcher;
    private final JsonMapper json;

    ReferralEventListener(Dispatcher dispatcher, JsonMapper json) {
        this.dispatcher = dispatcher;
        this.json = json;
    }

    @KafkaListener(topics = "referral.events.v1")
    void onReferralEvent(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        String type = NotificationRules.knownVersion(event.getType())
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + event.getType()));
        ReferralEvent body = EventBodies.read(json, event, ReferralEvent.class);
        NotificationRules.noticesFor(event.getId(), type, body).forEach(dispatcher::dispatch);
    }
}
